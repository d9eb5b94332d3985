package org.allocsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.junit.jupiter.api.Test;

/** About a million records, replayed twice with one seed and once with another. */
class DeterminismTest {
  private static final long RECORDS = 1_000_000;

  private static RunSpec spec(long seed) {
    // 1M records at 200k/s: 5 s of simulated time, with a reload in the middle.
    return RunSpec.builder("million").duration(6 * Fixtures.S).seed(seed)
        .set("metrics.sample_interval_ns", "100000000")
        .set("memory.free_path", "direct") // v6.4's direct free, so that some reuse is warm (today's is all cold)
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.SOFTIRQ, "/sys/fs/bpf/stash"), "k1"))
        .at(2 * Fixtures.S, new ControlAction.LoadObject("agent",
            Fixtures.stash(ExecContext.SOFTIRQ, "/sys/fs/bpf/stash"), "k2"))
        .at(2 * Fixtures.S, new ControlAction.CloseObject("k1", false))
        .records(rs -> new SyntheticWorkload(rs, RECORDS, 200_000, 4, 1024)).build();
  }

  @Test
  void theSameSeedGivesIdenticalMetrics() {
    RunResult a = Simulation.run(spec(42), new SingleAllocator());
    RunResult b = Simulation.run(spec(42), new SingleAllocator());
    assertEquals(RECORDS, a.summary().records());
    assertEquals(a.summary(), b.summary());
    assertEquals(a.verdicts(), b.verdicts());
    assertArrayEquals(a.series().times(), b.series().times());
    for (Metric m : Metric.values()) {
      assertArrayEquals(a.series().values(m), b.series().values(m), m.label());
    }
    assertEquals(0, a.summary().safetyViolations());
    // The run did real work: objects were allocated warm and cold, and memory was in use at the end.
    assertTrue(a.series().last(Metric.WARM_ALLOCS) > 0 && a.series().last(Metric.COLD_ALLOCS) > 0);
    assertTrue(a.summary().endBytes() > 0);

    RunResult c = Simulation.run(spec(43), new SingleAllocator());
    assertNotEquals(a.series().last(Metric.WARM_ALLOCS), c.series().last(Metric.WARM_ALLOCS));
  }
}
