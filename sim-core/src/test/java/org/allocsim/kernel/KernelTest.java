package org.allocsim.kernel;

import static org.allocsim.kernel.Fixtures.MS;
import static org.allocsim.kernel.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.junit.jupiter.api.Test;

class KernelTest {

  private static RunResult run(RunSpec spec) {
    return Simulation.run(spec, new SingleAllocator());
  }

  @Test
  void controlEventsRunBeforeRecordsAtTheSameInstant() {
    RecordList records = new RecordList()
        .add(99, 0, "stash", 0, 1) // before the load: no program attached
        .add(100, 0, "stash", 0, 2); // same instant as the load: the load runs first
    RunResult r = run(RunSpec.builder("order").duration(S)
        .at(100, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, null), "k1"))
        .records(rs -> records.stream()).build());
    assertEquals(2, r.summary().records());
    assertEquals(1, r.summary().idleRuns());
    assertEquals(1, r.series().last(Metric.LIVE_OBJECTS));
  }

  @Test
  void nmiAllocationsFailWhenTheCacheIsEmptyUntilIrqWorkRuns() {
    // 48-byte objects use the 64-byte class: prefill leaves 4 per CPU (docs/kernel-allocator.md, S15).
    RecordList records = new RecordList();
    for (int key = 0; key < 6; key++) {
      records.add(MS, 0, "stash", 0, key);
    }
    records.add(MS + 10_000, 0, "stash", 0, 7); // after irq_work.latency_ns (2 us): refilled
    RunResult r = run(RunSpec.builder("nmi").duration(S)
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.NMI, null), "k1"))
        .records(rs -> records.stream()).build());
    assertEquals(2, r.summary().failedAllocs());
    assertEquals(5, r.series().last(Metric.LIVE_OBJECTS));
  }

  @Test
  void taskContextBurstsRefillSynchronously() {
    RecordList records = new RecordList();
    for (int key = 0; key < 200; key++) {
      records.add(MS, 1, "stash", 0, key);
    }
    RunResult r = run(RunSpec.builder("burst").duration(S)
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, null), "k1"))
        .records(rs -> records.stream()).build());
    assertEquals(0, r.summary().failedAllocs());
    assertEquals(200, r.series().last(Metric.LIVE_OBJECTS));
  }

  @Test
  void pinnedMapOutlivesItsProcessAndDropsItsObjectsWhenUnpinned() {
    RecordList records = new RecordList();
    for (int key = 0; key < 10; key++) {
      records.add(MS + key, 0, "stash", 0, key);
    }
    RunResult r = run(RunSpec.builder("pin").duration(3 * S).set("metrics.sample_interval_ns", "100000000")
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, "/sys/fs/bpf/stash"), "k1"))
        .at(S, new ControlAction.CloseObject("k1", true))
        .at(S, new ControlAction.ExitProcess("agent"))
        .at(2 * S, new ControlAction.Unpin("/sys/fs/bpf/stash"))
        .records(rs -> records.stream()).build());
    int loaded = indexAt(r, S / 2);
    int afterExit = indexAt(r, S);
    int afterUnpin = indexAt(r, 2 * S);
    // While loaded: ten 48-byte nodes in 64-byte units, all reachable.
    assertEquals(640, r.series().value(Metric.LIVE_BYTES, loaded));
    assertEquals(0, r.series().value(Metric.STRANDED_BYTES, loaded));
    // Held only by the pin after the exit: the objects stay, stranded (no program reaches the map), and so are
    // the caches and structs of the allocator no program can allocate from any more.
    assertEquals(10, r.series().value(Metric.LIVE_OBJECTS, afterExit));
    assertEquals(0, r.series().value(Metric.LIVE_BYTES, afterExit));
    assertEquals(0, r.series().value(Metric.CACHED_BYTES, afterExit));
    assertEquals(0, r.series().value(Metric.OVERHEAD_BYTES, afterExit));
    assertEquals(r.series().value(Metric.TOTAL_BYTES, afterExit) - r.series().value(Metric.WAITING_BYTES, afterExit),
        r.series().value(Metric.STRANDED_BYTES, afterExit));
    assertTrue(r.series().value(Metric.STRANDED_BYTES, afterExit) > 640);
    assertEquals(0, r.series().value(Metric.LIVE_OBJECTS, afterUnpin));
    assertEquals(0, r.summary().safetyViolations());
  }

  @Test
  void programsAreFreedAGracePeriodAfterTheirLastHolder() {
    SingleAllocator strategy = new SingleAllocator();
    RunSpec spec = RunSpec.builder("free").duration(S).set("rcu.grace_period_ns", "5000000")
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, null), "k1"))
        .at(10 * MS, new ControlAction.CloseObject("k1", true)).build();
    Simulation.run(spec, strategy);
    assertEquals(List.of("10000000 unload stash", "15000000 freed stash"), strategy.hooks);
  }

  @Test
  void aReloadTakesOverTheAttachPoint() {
    RecordList records = new RecordList().add(2 * MS, 0, "stash", 0, 1).add(4 * MS, 0, "stash", 0, 2);
    SingleAllocator strategy = new SingleAllocator();
    RunSpec spec = RunSpec.builder("reload").duration(S)
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, "/sys/fs/bpf/stash"), "k1"))
        .at(3 * MS, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, "/sys/fs/bpf/stash"), "k2"))
        .at(3 * MS, new ControlAction.CloseObject("k1", false))
        .records(rs -> records.stream()).build();
    RunResult r = Simulation.run(spec, strategy);
    assertEquals(0, r.summary().idleRuns());
    // Both objects sit in the one pinned map the reload reused.
    assertEquals(2, r.series().last(Metric.LIVE_OBJECTS));
    assertTrue(strategy.hooks.get(0).endsWith("unload stash"), strategy.hooks.toString());
  }

  @Test
  void aRecordOnAnUnknownCpuIsATraceErrorNamingTheRecord() {
    RecordList records = new RecordList().add(1, 0, "stash", 0, 1).add(2, 9, "stash", 0, 1);
    RunSpec spec = RunSpec.builder("bad").duration(S)
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, null), "k1"))
        .records(rs -> records.stream()).build();
    TraceException e = assertThrows(TraceException.class, () -> run(spec));
    assertEquals("record 1: cpu 9 is outside 0..3", e.getMessage());
  }

  @Test
  void recordsGoingBackInTimeAreRejected() {
    RecordList records = new RecordList().add(5, 0, "stash", 0, 1).add(4, 0, "stash", 0, 1);
    RunSpec spec = RunSpec.builder("back").duration(S).records(rs -> records.stream()).build();
    TraceException e = assertThrows(TraceException.class, () -> run(spec));
    assertEquals("record 1: time 4 ns goes back before 5 ns", e.getMessage());
  }

  @Test
  void aTimelineActionOnAMissingInstanceNamesTimeAndAction() {
    RunSpec spec = RunSpec.builder("missing").duration(S)
        .at(7, new ControlAction.CloseObject("nope", true)).build();
    ScenarioException e = assertThrows(ScenarioException.class, () -> run(spec));
    assertEquals("at 7 ns, close nope: no loaded object or created map named nope", e.getMessage());
  }

  @Test
  void anErrorInsideAnEventEndsTheRunInsteadOfHangingIt() {
    RunSpec spec = RunSpec.builder("error").duration(S)
        .at(5, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.TASK, null), "k1")).build();
    SingleAllocator broken = new SingleAllocator() {
      @Override
      public org.allocsim.strategy.LoadVerdict verify(org.allocsim.strategy.Verification question) {
        throw new AssertionError("verifier bug");
      }
    };
    AssertionError e = assertThrows(AssertionError.class, () -> Simulation.run(spec, broken));
    assertEquals("verifier bug", e.getMessage());
  }

  private static int indexAt(RunResult r, long t) {
    int found = -1;
    for (int i = 0; i < r.series().size(); i++) {
      if (r.series().time(i) == t) {
        found = i;
      }
    }
    assertTrue(found >= 0, "no sample at " + t);
    return found;
  }
}
