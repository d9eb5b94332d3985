package org.allocsim.strategies;

import static org.allocsim.strategies.Runs.MS;
import static org.allocsim.strategies.Runs.S;
import static org.allocsim.strategies.Runs.assertSafe;
import static org.allocsim.strategies.Runs.at;
import static org.allocsim.strategies.Runs.kptrMap;
import static org.allocsim.strategies.Runs.object;
import static org.allocsim.strategies.Runs.prog;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.world.AllocSource;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

class FirstProposalTest {
  private static final String PIN = "/sys/fs/bpf/m";

  private static ObjectSpec prog1() {
    return object("prog1.bpf.o", List.of(Runs.allocatorMap("a"), kptrMap("m").pinnedAt(PIN)),
        prog("prog1", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "m", "v")));
  }

  /** Steps: 0 take_hold m.v, 1 put_held m.v, 2 take_drop m.v, 3 store from its own allocator map b. */
  private static ObjectSpec prog2() {
    return object("prog2.bpf.o", List.of(Runs.allocatorMap("b"), kptrMap("m").pinnedAt(PIN)),
        prog("prog2", StepSpec.takeHold("m", "v"), StepSpec.putHeld("m", "v"),
            StepSpec.takeDrop("m", "v"), StepSpec.allocStore("foo", AllocSource.allocatorMap("b"), "m", "v")));
  }

  private static RunSpec race(boolean prog2HoldsDuringTheWalk) {
    RecordList records = new RecordList().add(MS, 0, "prog1", 0, 0);
    if (prog2HoldsDuringTheWalk) {
      records.add(2 * MS, 1, "prog2", 0, 0).add(20 * MS, 1, "prog2", 1, 0);
    }
    records.add(30 * MS, 1, "prog2", 2, 0);
    return RunSpec.builder("race2").duration(S).set("metrics.sample_interval_ns", "10000000")
        .at(0, new ControlAction.LoadObject("agent", prog1(), "k1"))
        .at(0, new ControlAction.LoadObject("agent", prog2(), "k2"))
        .at(3 * MS, new ControlAction.CloseObject("k1", true))
        .records(rs -> records.stream()).build();
  }

  @Test
  void theUnloadWalkRecordsTheAllocatorOfEveryObjectItSees() {
    FirstProposal d0 = new FirstProposal();
    RunResult r = Simulation.run(race(false), d0);
    assertEquals(1, d0.usedAllocatorCount("m"), "m.used_allocators = {a}");
    assertEquals(0, r.series().last(Metric.LIVE_OBJECTS), "prog2 freed the object into a, kept by m");
    assertSafe(r);
  }

  @Test
  void kumarsRace2HidesTheObjectFromTheWalk() {
    FirstProposal d0 = new FirstProposal();
    RunResult r = Simulation.run(race(true), d0);
    assertEquals(0, d0.usedAllocatorCount("m"), "the walk at 3 ms found m.v empty");
    // prog1 freed at 13 ms drops a's map, the allocator's last reference, while prog2 holds the object ...
    assertEquals(1, r.violations(ViolationKind.DESTROYED_WITH_LIVE_OBJECTS));
    assertEquals(13 * MS, r.violations().get(0).timeNs());
    // ... which it puts back and later frees through its header: use-after-free.
    assertEquals(1, r.violations(ViolationKind.USE_AFTER_FREE));
    assertEquals(30 * MS, r.violations().get(1).timeNs());
  }

  @Test
  void anInnerMapRemovedAndKeptByAnFdIsNeverWalked() {
    ObjectSpec o = object("mim.bpf.o", List.of(Runs.allocatorMap("a"),
        MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, 4, kptrMap("inner"))),
        prog("p", StepSpec.allocStore("foo", AllocSource.allocatorMap("a"), "outer", "v")));
    RecordList records = new RecordList().add(MS, 0, "p", 0, 0);
    RunResult r = Simulation.run(RunSpec.builder("s4").duration(S)
        .at(0, new ControlAction.LoadObject("agent", o, "k1"))
        .at(0, new ControlAction.CreateMap("agent", kptrMap("inner"), "i1", "k1"))
        .at(0, new ControlAction.InsertInner(MapRef.of("k1", "outer"), 0, MapRef.of("i1", "inner")))
        .at(2 * MS, new ControlAction.DeleteInner(MapRef.of("k1", "outer"), 0))
        .at(3 * MS, new ControlAction.CloseObject("k1", true))
        .at(50 * MS, new ControlAction.CloseMapFd("agent", MapRef.of("i1", "inner")))
        .records(rs -> records.stream()).build(), new FirstProposal());
    assertEquals(1, at(r, Metric.LIVE_OBJECTS, 2 * MS));
    assertEquals(1, r.violations(ViolationKind.DESTROYED_WITH_LIVE_OBJECTS), "S4: a freed with prog p");
    assertEquals(1, r.violations(ViolationKind.USE_AFTER_FREE), "S4: close(inner_fd) -> bad unit_free");
    // close(inner_fd) at 50 ms; the slot delete marked the map free_after_rcu_gp (bpf_map_fd_put_ptr), so its free
    // runs one RCU grace period (rcu.grace_period_ns, 10 ms) after its last reference went
    assertEquals(60 * MS, r.violations().get(1).timeNs());
  }
}
