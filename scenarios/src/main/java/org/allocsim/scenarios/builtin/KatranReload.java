package org.allocsim.scenarios.builtin;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.workload.KeyChoice;
import org.allocsim.scenarios.workload.ProgramWorkload;
import org.allocsim.scenarios.workload.RunArrivals;
import org.allocsim.scenarios.workload.Workload;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.OperationSpec;
import org.allocsim.world.ProgramSpec;

/**
 * S9, Alexei 08-30 18:52: "a networking service, like katran … progs that are using pinned maps … reloaded due to
 * live-upgrade or user space restart. The map contents are preserved, but the progs are reloaded." A softirq
 * program stashes 48-byte flow nodes (kptrs) in a pinned hash map, allocating from a pinned allocator map (option
 * (b) of the message), and moves them between two fields. The agent live-upgrades twice; each load brings a new BTF
 * object.
 */
public final class KatranReload {
  public static final String NAME = "katran-reload";
  public static final String PURPOSE = "S9: a katran-like agent reloads its programs over a pinned kptr map";

  private KatranReload() {
  }

  public static ObjectSpec balancer() {
    MapSpec allocator = MapSpec.allocator("flow_ma", 0).pinnedAt("/sys/fs/bpf/katran/flow_ma");
    MapSpec flows = MapSpec.of("flows", MapType.HASH, 65_536, new KptrField("node", "flow_node"),
        new KptrField("spare", "flow_node")).withKptrAllocator("flow_ma").pinnedAt("/sys/fs/bpf/katran/flows");
    ProgramSpec balancer = new ProgramSpec("balancer_ingress", ExecContext.SOFTIRQ, false, List.of(
        OperationSpec.allocStore("flow_node", AllocSource.allocatorMap("flow_ma"), "flows", "node"),
        OperationSpec.takeDrop("flows", "node"),
        OperationSpec.move("flows", "node", "flows", "spare"),
        OperationSpec.takeDrop("flows", "spare")));
    return new ObjectSpec("balancer.bpf.o", Map.of("flow_node", 48), List.of(allocator, flows), List.of(balancer));
  }

  /**
   * The balancer's runs: 200k runs/s over all CPUs together (so the scenario's shape does not change with
   * {@code cpus}), steps alloc_store, take_drop, move, take_drop weighted 4:2:3:1, keys uniform over the map.
   * The rate and mix are chosen: katran allocates no objects itself (workloads.md §1.4) and no per-program rates
   * are published (§4).
   */
  public static ProgramWorkload traffic(int cpus) {
    return new ProgramWorkload("balancer_ingress", RunArrivals.poisson(200_000.0 / cpus), new double[] {4, 2, 3, 1},
        KeyChoice.uniform(65_536));
  }

  /** The run: records until {@code records} or the end (6 s), upgrades at 2 s and 4 s. */
  public static RunSpec spec(long records, long seed, Parameters parameters) {
    long s = 1_000_000_000L;
    int cpus = parameters.getInt(KernelParameters.CPUS);
    RunSpec.Builder b = RunSpec.builder(NAME).duration(6 * s).seed(seed)
        .at(0, new ControlAction.LoadObject("katran", balancer(), "katran@1"));
    for (int upgrade = 1; upgrade <= 2; upgrade++) {
      String next = "katran@" + (upgrade + 1);
      b.at(2 * s * upgrade, new ControlAction.LoadObject("katran", balancer(), next))
          .at(2 * s * upgrade, new ControlAction.CloseObject("katran@" + upgrade, false));
    }
    return b.records(rs -> Workload.stream(List.of(traffic(cpus)), rs, cpus, 6 * s, records)).build()
        .withParameters(parameters);
  }
}
