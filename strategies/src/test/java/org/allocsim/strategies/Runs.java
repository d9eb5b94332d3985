package org.allocsim.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/** Small worlds for the strategy tests: a 48-byte struct foo in kptr field v of hash maps. */
final class Runs {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  private Runs() {}

  static MapSpec kptrMap(String name) {
    return MapSpec.of(name, MapType.HASH, 64, new KptrField("v", "foo"));
  }

  static MapSpec allocatorMap(String name) {
    return MapSpec.allocator(name, 0);
  }

  static ProgramSpec prog(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  static ObjectSpec object(String name, List<MapSpec> maps, ProgramSpec... programs) {
    return new ObjectSpec(name, Map.of("foo", 48), maps, List.of(programs));
  }

  /**
   * Kumar's P1/P2/P3 (S7) with the load order P1, P3, P2: P1 moves m1.v to m2.v, P3 takes from m2.v and frees, P2
   * allocates from allocator map a into m1.v. Maps are shared through pins. P2 then P1 run (the object ends in m2);
   * P1 and P2 are closed and m1 unpinned at 3 ms, so P1, P2, a and m1 go a grace period later; P3 runs at 100 ms.
   */
  static RunSpec.Builder kumarP1P2P3() {
    return kumarP1P2P3(false);
  }

  /** The same with P2 loaded first when p2First (Kumar: "no info lost"). */
  static RunSpec.Builder kumarP1P2P3(boolean p2First) {
    MapSpec m1 = kptrMap("m1").pinnedAt("/sys/fs/bpf/m1");
    MapSpec m2 = kptrMap("m2").pinnedAt("/sys/fs/bpf/m2");
    ObjectSpec o1 = object("p1.bpf.o", List.of(m1, m2), prog("p1", StepSpec.move("m1", "v", "m2", "v")));
    ObjectSpec o3 = object("p3.bpf.o", List.of(m2), prog("p3", StepSpec.takeDrop("m2", "v")));
    ObjectSpec o2 = object("p2.bpf.o", List.of(allocatorMap("a"), m1),
        prog("p2", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m1", "v")));
    RecordList records = new RecordList().add(MS, 0, "p2", 0, 0).add(2 * MS, 1, "p1", 0, 0, 0)
        .add(100 * MS, 2, "p3", 0, 0);
    RunSpec.Builder b = RunSpec.builder("kumar-p1-p2-p3").duration(S).set("metrics.sample_interval_ns", "10000000");
    if (p2First) {
      b.at(0, new ControlAction.LoadObject("agent", o2, "k2"));
    }
    b.at(0, new ControlAction.LoadObject("agent", o1, "k1"))
        .at(0, new ControlAction.LoadObject("agent", o3, "k3"));
    if (!p2First) {
      b.at(0, new ControlAction.LoadObject("agent", o2, "k2"));
    }
    return b
        .at(3 * MS, new ControlAction.CloseObject("k1", true))
        .at(3 * MS, new ControlAction.CloseObject("k2", true))
        .at(3 * MS, new ControlAction.Unpin("/sys/fs/bpf/m1"))
        .records(rs -> records.stream());
  }

  /** The last verifier decision on subject. */
  static LoadRecord verdict(RunResult r, String subject) {
    LoadRecord found = null;
    for (LoadRecord v : r.verdicts()) {
      if (v.subject().equals(subject)) {
        found = v;
      }
    }
    assertTrue(found != null, "no verdict on " + subject + " in " + r.verdicts());
    return found;
  }

  static void assertSafe(RunResult r) {
    assertEquals(0, r.summary().safetyViolations(), () -> r.violations().toString());
    assertEquals(List.of(), r.invariantBreaches());
  }

  /** The metric at the last sample taken at or before t. */
  static long at(RunResult r, Metric m, long t) {
    int found = -1;
    for (int i = 0; i < r.series().size(); i++) {
      if (r.series().time(i) <= t) {
        found = i;
      }
    }
    assertTrue(found >= 0, "no sample at or before " + t);
    return r.series().value(m, found);
  }
}
