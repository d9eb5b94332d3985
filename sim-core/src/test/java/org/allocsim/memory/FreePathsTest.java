package org.allocsim.memory;

import static org.allocsim.memory.MemoryChecks.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Trim to (high+low)/2 and the two RCU stages (docs/kernel-allocator.md). */
class FreePathsTest {
  private static final int OBJ_64 = 48;
  private static final int CLASS_64 = SizeClasses.classOf(OBJ_64);
  private static final long IRQ = 2_000;
  private static final long RCU_GP = 10_000_000;
  private static final long TT_GP = 25_000_000;

  private final ManualTimers timers = new ManualTimers();

  private int[] allocMany(BpfMemAlloc ma, int cpu, int n) {
    int[] objs = new int[n];
    for (int i = 0; i < n; i++) {
      objs[i] = ma.alloc(cpu, OBJ_64, ExecContext.TASK);
      assertNotEquals(-1, objs[i]);
    }
    return objs;
  }

  @Test
  void freeingHundredTrimsToSixtyFourAndReturnsTheRestAfterTasksTraceGp() {
    Slab slab = new Slab(MemoryParams.defaults(2), timers);
    BpfMemAlloc ma = slab.create(1, "global", 0);
    int[] objs = allocMany(ma, 0, 100);
    timers.advance(1_000_000); // let pending refills run
    int before = ma.freeCount(0, CLASS_64);
    assertEquals(48, before, "4 + 2 batches were used up; the pending irq_work added one batch");
    long returnedBefore = ma.returnedBytes();
    long cachedBefore = ma.cachedBytes();
    long t0 = timers.now();
    for (int obj : objs) {
      ma.free(obj, 0, FreePath.DIRECT);
    }
    assertEquals(before + 100, ma.freeCount(0, CLASS_64));
    assertEquals(cachedBefore + 100L * 64, ma.cachedBytes(), "all back on free_llist");
    assertEquals(0, ma.waitingBytes());
    timers.runUntil(t0 + IRQ, () -> {});
    assertEquals(64, ma.freeCount(0, CLASS_64), "trimmed to (96+32)/2");
    long trimmed = before + 100L - 64;
    assertEquals(trimmed * 64, ma.waitingBytes());
    assertTrue(ma.callbacksInFlight());
    assertEquals(returnedBefore, ma.returnedBytes());
    assertConsistent(slab, List.of(ma));
    timers.runUntil(t0 + IRQ + TT_GP - 1, () -> {});
    assertEquals(trimmed * 64, ma.waitingBytes(), "still waiting for the tasks-trace GP");
    timers.runUntil(t0 + IRQ + TT_GP, () -> {});
    assertEquals(0, ma.waitingBytes());
    assertEquals(returnedBefore + trimmed * 64, ma.returnedBytes());
    assertEquals(ma.returnedBytes(), slab.slabReturnedBytes());
    assertFalse(ma.callbacksInFlight());
    assertEquals(64, ma.freeCount(0, CLASS_64));
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void withoutImpliedRcuGpStageTwoWaitsForBothGracePeriods() {
    Slab slab = new Slab(MemoryParams.defaults(1).withRcuTasksTraceImpliesRcu(false), timers);
    BpfMemAlloc ma = slab.create(1, "global", 0);
    int[] objs = allocMany(ma, 0, 100);
    timers.advance(1_000_000);
    long t0 = timers.now();
    for (int obj : objs) {
      ma.free(obj, 0, FreePath.DIRECT);
    }
    timers.runUntil(t0 + IRQ + TT_GP, () -> {});
    assertTrue(ma.waitingBytes() > 0);
    timers.runUntil(t0 + IRQ + TT_GP + RCU_GP, () -> {});
    assertEquals(0, ma.waitingBytes());
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void trimmedObjectsReusedByARefillAreWarmWithLittleTrafficSince() {
    Slab slab = new Slab(MemoryParams.defaults(1), timers);
    BpfMemAlloc ma = slab.create(1, "global", 0);
    int[] objs = allocMany(ma, 0, 100);
    timers.advance(1_000_000);
    for (int obj : objs) {
      ma.free(obj, 0, FreePath.DIRECT);
    }
    timers.advance(IRQ); // trim: the oldest frees wait in waiting_for_gp_ttrace, reusable
    long waiting = ma.waitingBytes();
    assertEquals(84L * 64, waiting, "148 trimmed to 64");
    long coldBefore = slab.coldAllocs();
    long warmBefore = slab.warmAllocs();
    // free_bulk() popped the 84 most recent frees; left are the 16 oldest frees above the 48 refill objects
    allocMany(ma, 0, 64);
    assertEquals(warmBefore + 16, slab.warmAllocs());
    assertEquals(coldBefore + 48, slab.coldAllocs());
    coldBefore = slab.coldAllocs();
    warmBefore = slab.warmAllocs();
    // empty list: the synchronous refill reuses from waiting_for_gp_ttrace, freed here 64 allocations ago
    allocMany(ma, 0, 1);
    assertEquals(coldBefore, slab.coldAllocs());
    assertEquals(warmBefore + 1, slab.warmAllocs());
    assertEquals(waiting - 48L * 64, ma.waitingBytes(), "a batch of 48 came back from stage 2");
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void rcuFreedObjectIsNotReusedBeforeTheGpAndIsReusedWarmAfterLittleTraffic() {
    Slab slab = new Slab(MemoryParams.defaults(2), timers);
    BpfMemAlloc ma = slab.create(1, "global", 0);
    ObjectTable t = slab.objects();
    int obj = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(obj, 0, FreePath.RCU);
    assertEquals(ObjectTable.WAITING_RCU, t.state(obj));
    assertEquals(0, t.lastFreeCpu(obj));
    assertEquals(0L, ma.lastRcuFreeTime());
    assertEquals(64, ma.waitingBytes());
    for (int other : allocMany(ma, 0, 200)) {
      assertNotEquals(obj, other, "reused before the RCU GP");
    }
    assertTrue(ma.callbacksInFlight(), "the synchronous refill ran check_free_by_rcu()");
    timers.runUntil(RCU_GP - 1, () -> {});
    assertEquals(ObjectTable.WAITING_RCU, t.state(obj));
    for (int other : allocMany(ma, 0, 100)) {
      assertNotEquals(obj, other, "reused before the RCU GP");
    }
    timers.runUntil(RCU_GP, () -> {});
    assertEquals(ObjectTable.WAITING_TASKS_TRACE, t.state(obj), "now in stage 2, reusable by alloc_bulk");
    assertConsistent(slab, List.of(ma));
    long coldBefore = slab.coldAllocs();
    int found = -1;
    for (int i = 0; i < 200 && found < 0; i++) {
      long warm = slab.warmAllocs();
      int o = ma.alloc(0, OBJ_64, ExecContext.TASK);
      if (o == obj) {
        found = i;
        // 300-odd allocations of 64 bytes on CPU 0 since its free: far under the 1 MiB window
        assertEquals(warm + 1, slab.warmAllocs(), "reuse from an RCU list after little traffic is warm");
      }
    }
    assertTrue(found >= 0, "reused by a refill after the GP");
    assertTrue(slab.coldAllocs() > coldBefore);
    assertEquals(ObjectTable.LIVE, t.state(obj));
    timers.advance(TT_GP);
    assertEquals(ObjectTable.LIVE, t.state(obj), "the stage-2 callback does not free a reused object");
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void rcuFreeOnAnotherCpuGoesBackToTheAllocatingCache() {
    Slab slab = new Slab(MemoryParams.defaults(2).withFreePath(FreePath.RCU), timers);
    BpfMemAlloc ma = slab.create(1, "global", 0);
    int obj = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(obj, 1); // params say RCU
    assertEquals(ObjectTable.WAITING_RCU, slab.objects().state(obj));
    assertEquals(1, slab.objects().lastFreeCpu(obj));
    timers.advance(IRQ + RCU_GP);
    MemCaches mc = ma.caches();
    int cpu0 = mc.index(0, CLASS_64);
    assertEquals(1, mc.waitingForGpTtrace.size(cpu0), "c->tgt sent it to CPU 0's stage 2");
    assertEquals(0, mc.waitingForGpTtrace.size(mc.index(1, CLASS_64)));
    timers.advance(TT_GP);
    assertEquals(ObjectTable.NONE, slab.objects().state(obj));
    assertEquals(0, ma.waitingBytes());
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void rcuFreesDuringAnInFlightGpWaitForTheNextIrqWork() {
    Slab slab = new Slab(MemoryParams.defaults(1), timers);
    BpfMemAlloc ma = slab.create(1, "global", 0);
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    int b = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(a, 0, FreePath.RCU);
    timers.advance(IRQ); // stage 1 starts for a
    ma.free(b, 0, FreePath.RCU); // stage 1 busy: no irq_work raised for b
    assertFalse(ma.irqWorkPending(0, CLASS_64));
    timers.advance(RCU_GP);
    assertEquals(ObjectTable.WAITING_TASKS_TRACE, slab.objects().state(a));
    assertEquals(ObjectTable.WAITING_RCU, slab.objects().state(b), "b stays on free_by_rcu");
    timers.advance(TT_GP * 4);
    assertEquals(ObjectTable.WAITING_RCU, slab.objects().state(b), "nothing ran check_free_by_rcu()");
    int c = ma.alloc(0, OBJ_64, ExecContext.TASK);
    assertFalse(ma.irqWorkPending(0, CLASS_64), "free_cnt is above low: no irq_work");
    ma.free(c, 0, FreePath.RCU); // stage 1 idle again: raises irq_work, whose check_free_by_rcu() takes b and c
    assertTrue(ma.irqWorkPending(0, CLASS_64));
    timers.advance(IRQ + RCU_GP);
    assertEquals(ObjectTable.WAITING_TASKS_TRACE, slab.objects().state(b));
    assertEquals(ObjectTable.WAITING_TASKS_TRACE, slab.objects().state(c));
    assertConsistent(slab, List.of(ma));
  }
}
