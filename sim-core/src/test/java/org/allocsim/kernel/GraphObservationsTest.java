package org.allocsim.kernel;

import static org.allocsim.kernel.Fixtures.MS;
import static org.allocsim.kernel.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;
import org.allocsim.world.TypeTraits;
import org.junit.jupiter.api.Test;

/**
 * Graph and percpu steps count their outcomes as the kernel check's C does (CGraphStep): a remove counts taken or
 * empty, an add to a value the lookup cannot find counts lookup_null, a percpu allocation counts allocated.
 */
class GraphObservationsTest {
  private static final StepSpec.RootSpec ROOT = new StepSpec.RootSpec("tree", "root", null);

  private static Observations run(long... drainKeys) {
    GraphSpec graph = new GraphSpec(
        Map.of("node_data", new TypeTraits("node_data", false, Map.of("node", GraphKind.RBTREE), List.of())),
        Map.of("tree", List.of(new GraphRoot("root", GraphKind.RBTREE, "node_data", "node"))), Set.of(), Map.of());
    ObjectSpec obj = new ObjectSpec("rb.bpf.o", Map.of("node_data", 40, "val_t", 16),
        List.of(MapSpec.of("tree", MapType.ARRAY, 2)),
        List.of(ProgramSpec.of("add", ExecContext.SOFTIRQ,
            new StepSpec(StepKind.NEW_ADD, "node_data", AllocSource.DEFAULT, null, null, ROOT, null)),
            ProgramSpec.of("drain", ExecContext.SOFTIRQ,
                new StepSpec(StepKind.REMOVE_DROP, null, null, null, null, ROOT, null)),
            ProgramSpec.of("scratch", ExecContext.SOFTIRQ,
                new StepSpec(StepKind.PERCPU_NEW_DROP, "val_t", AllocSource.DEFAULT, null, null))),
        graph);
    RecordList records = new RecordList().add(MS, 0, "add", 0, 0).add(MS, 0, "add", 0, 5)
        .add(MS, 0, "scratch", 0, 0);
    long t = 2 * MS;
    for (long k : drainKeys) {
      records.add(t++, 0, "drain", 0, k);
    }
    Observations obs = new Observations();
    Simulation.runObserved(RunSpec.builder("graph-observations").duration(S)
        .at(0, new ControlAction.LoadObject("agent", obj, "rb")).records(rs -> records.stream()).build(),
        new SingleAllocator(), obs);
    return obs;
  }

  @Test
  void removesCountTakenEmptyAndLookupNull() {
    Observations obs = run(0, 0, 7);
    assertEquals(1, obs.count("drain", 0, StepOutcome.TAKEN));
    assertEquals(1, obs.count("drain", 0, StepOutcome.EMPTY));
    assertEquals(1, obs.count("drain", 0, StepOutcome.LOOKUP_NULL));
  }

  @Test
  void addsCountLookupNullAndPercpuAllocationsCountAllocated() {
    Observations obs = run();
    assertEquals(2, obs.count("add", 0, StepOutcome.ALLOCATED));
    assertEquals(1, obs.count("add", 0, StepOutcome.LOOKUP_NULL)); // key 5 of a two-entry array
    assertEquals(1, obs.count("scratch", 0, StepOutcome.ALLOCATED));
  }
}
