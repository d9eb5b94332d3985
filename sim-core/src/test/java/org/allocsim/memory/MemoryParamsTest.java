package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryParamsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    MemoryParams p = MemoryParams.defaults(8);
    assertEquals(8, p.cpus());
    assertEquals(2_000L, p.irqWorkLatencyNs());
    assertEquals(10_000_000L, p.rcuGracePeriodNs());
    assertEquals(25_000_000L, p.tasksTraceGracePeriodNs());
    assertEquals(true, p.rcuTasksTraceImpliesRcu());
    assertEquals(FreePath.RCU, p.freePath());
    assertEquals(1L << 20, p.warmCacheBytes());
    assertEquals(192, p.cacheStructBytes());
    assertEquals(25_000_000L, p.tasksTraceStageDelayNs());
  }

  @Test
  void withersChangeOneField() {
    MemoryParams p = MemoryParams.defaults(2);
    assertEquals(p, p.withCpus(2));
    assertEquals(4, p.withCpus(4).cpus());
    assertEquals(7L, p.withIrqWorkLatencyNs(7).irqWorkLatencyNs());
    assertEquals(5L, p.withRcuGracePeriodNs(5).rcuGracePeriodNs());
    assertEquals(9L, p.withTasksTraceGracePeriodNs(9).tasksTraceGracePeriodNs());
    assertEquals(FreePath.RCU, p.withFreePath(FreePath.RCU).freePath());
    assertEquals(4096L, p.withWarmCacheBytes(4096).warmCacheBytes());
    assertEquals(64, p.withCacheStructBytes(64).cacheStructBytes());
    MemoryParams chained = p.withRcuTasksTraceImpliesRcu(false);
    assertEquals(false, chained.rcuTasksTraceImpliesRcu());
    assertEquals(35_000_000L, chained.tasksTraceStageDelayNs());
  }

  @Test
  void rejectsInvalidValues() {
    MemoryParams p = MemoryParams.defaults(2);
    assertThrows(IllegalArgumentException.class, () -> p.withCpus(0));
    assertThrows(IllegalArgumentException.class, () -> p.withCpus(MemoryParams.MAX_CPUS + 1));
    assertThrows(IllegalArgumentException.class, () -> p.withIrqWorkLatencyNs(-1));
    assertThrows(IllegalArgumentException.class, () -> p.withRcuGracePeriodNs(-1));
    assertThrows(IllegalArgumentException.class, () -> p.withTasksTraceGracePeriodNs(-1));
    assertThrows(IllegalArgumentException.class, () -> p.withWarmCacheBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> p.withWarmCacheBytes(1L << 47));
    assertThrows(IllegalArgumentException.class, () -> p.withCacheStructBytes(-1));
    assertThrows(NullPointerException.class, () -> p.withFreePath(null));
  }
}
