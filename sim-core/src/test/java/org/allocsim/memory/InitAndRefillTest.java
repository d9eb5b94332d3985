package org.allocsim.memory;

import static org.allocsim.memory.MemoryChecks.assertConserved;
import static org.allocsim.memory.MemoryChecks.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Creation, prefill and the irq_work refill in each execution context (docs/kernel-allocator.md). */
class InitAndRefillTest {
  private static final int CPUS = 4;
  private static final int OBJ_64 = 48; // 48 + 8 = 56 -> 64-byte bucket
  private static final int CLASS_64 = SizeClasses.classOf(OBJ_64);

  private final ManualTimers timers = new ManualTimers();
  private final Slab slab = new Slab(MemoryParams.defaults(CPUS), timers);

  @Test
  void freshSizeZeroAllocatorHoldsElevenKilobytesPerCpu() {
    BpfMemAlloc ma = slab.create(1, "bpf_global_ma", 0);
    // memalloc.c: "Initialized, but unused bpf allocator ... will consume ~ 11 Kbyte per cpu"
    // = 4*(16+32+64+96+128+192+256) + 512+1024+2048+4096
    assertEquals(10_816L * CPUS, ma.cachedBytes());
    assertEquals(10_816L * CPUS, ma.allocatedBytes());
    assertEquals(10_816L * CPUS, slab.slabAllocatedBytes());
    assertEquals(192L * SizeClasses.COUNT * CPUS, ma.overheadBytes());
    assertEquals(0, ma.liveObjects());
    assertEquals(0, ma.waitingBytes());
    assertFalse(ma.callbacksInFlight());
    assertEquals(-1, ma.lastRcuFreeTime());
    for (int cpu = 0; cpu < CPUS; cpu++) {
      for (int cls = 0; cls < SizeClasses.COUNT; cls++) {
        int expected = CacheLimits.prefillCount(SizeClasses.unitBytes(cls));
        assertEquals(expected, ma.freeCount(cpu, cls));
        assertFalse(ma.irqWorkPending(cpu, cls), "init raises no irq_work");
      }
    }
    assertEquals(0, timers.queued());
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void fixedSizeAllocatorHasOneRoundedClass() {
    BpfMemAlloc small = slab.create(1, "htab", 61); // rounds up to 64
    BpfMemAlloc big = slab.create(2, "htab-big", 8192);
    assertEquals(64, small.fixedUnitBytes());
    assertEquals(1, small.classCount());
    assertEquals(4, small.freeCount(0, 0));
    assertEquals(1, big.freeCount(3, 0));
    assertEquals(64L * 4 * CPUS, small.cachedBytes());
    assertEquals(192L * CPUS, small.overheadBytes());
    assertEquals(0, small.sizeClassOf(56));
    assertEquals(0, small.sizeClassOf(100), "bpf_mem_cache_alloc() has no size argument");
    assertEquals(-1, small.sizeClassOf(0));
    int obj = small.alloc(0, 56, ExecContext.TASK);
    assertEquals(64, slab.objects().unitBytes(obj));
    assertEquals(0, slab.failedAllocs());
    // 8k unit: low 1, high 3, batch 1; the single prefilled object goes, irq_work refills one
    int o = big.alloc(2, 8000, ExecContext.NMI);
    assertNotEquals(-1, o);
    assertEquals(-1, big.alloc(2, 8000, ExecContext.NMI));
    timers.advance(2_000);
    assertEquals(1, big.freeCount(2, 0));
    assertThrows(IllegalArgumentException.class, () -> slab.create(3, "bad", 8));
    assertThrows(IllegalArgumentException.class, () -> slab.create(1, "dup", 0));
    assertConsistent(slab, List.of(small, big));
  }

  @Test
  void percpuCachesHoldOneToThreeObjectsAndRefillOneAtATime() {
    // bpf_global_percpu_ma since v6.8: low 1, high 3, batch 1, prefill 1 (0e2ba9f96f9b, 5b95e638f134)
    BpfMemAlloc pc = slab.create(1, "bpf_global_percpu_ma/16", 16, true);
    for (int cpu = 0; cpu < CPUS; cpu++) {
      assertEquals(1, pc.freeCount(cpu, 0));
    }
    assertNotEquals(-1, pc.alloc(0, 8, ExecContext.NMI));
    assertEquals(-1, pc.alloc(0, 8, ExecContext.NMI), "the one prefilled object is gone");
    timers.advance(2_000);
    assertEquals(1, pc.freeCount(0, 0), "irq_work adds a batch of one");
    int[] objs = new int[4];
    for (int i = 0; i < objs.length; i++) {
      objs[i] = pc.alloc(1, 8, ExecContext.TASK);
      assertNotEquals(-1, objs[i]);
    }
    for (int o : objs) {
      pc.free(o, 1, FreePath.DIRECT);
    }
    assertTrue(pc.irqWorkPending(1, 0), "above the high mark of 3");
    timers.advance(2_000);
    assertEquals(2, pc.freeCount(1, 0), "free_bulk trims to (high + low) / 2");
    assertConsistent(slab, List.of(pc));
  }

  @Test
  void nmiGetsExactlyThePrefilledFourThenIrqWorkAddsABatch() {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    for (int i = 0; i < 4; i++) {
      assertNotEquals(-1, ma.alloc(1, OBJ_64, ExecContext.NMI), "alloc " + i);
    }
    assertEquals(0, slab.failedAllocs());
    assertEquals(-1, ma.alloc(1, OBJ_64, ExecContext.NMI), "5th NMI alloc fails");
    assertEquals(1, slab.failedAllocs());
    assertEquals(0, ma.freeCount(1, CLASS_64));
    assertTrue(ma.irqWorkPending(1, CLASS_64));
    timers.advance(1_999);
    assertEquals(0, ma.freeCount(1, CLASS_64), "irq_work has not run yet");
    timers.advance(1);
    assertEquals(4 - 4 + 48, ma.freeCount(1, CLASS_64));
    assertFalse(ma.irqWorkPending(1, CLASS_64));
    assertEquals(4, ma.freeCount(0, CLASS_64), "other CPUs untouched");
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void hardIrqAlsoFailsUntilTheHandlerReturns() {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    for (int i = 0; i < 4; i++) {
      assertNotEquals(-1, ma.alloc(0, OBJ_64, ExecContext.HARDIRQ));
    }
    assertEquals(-1, ma.alloc(0, OBJ_64, ExecContext.HARDIRQ));
    timers.advance(2_000);
    assertNotEquals(-1, ma.alloc(0, OBJ_64, ExecContext.HARDIRQ));
    assertEquals(47, ma.freeCount(0, CLASS_64));
  }

  @ParameterizedTest
  @EnumSource(value = ExecContext.class, names = {"TASK", "SOFTIRQ"})
  void burstOfTwoHundredAtOneInstantSucceedsBySynchronousRefill(ExecContext ctx) {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int obj = ma.alloc(2, OBJ_64, ctx);
      assertNotEquals(-1, obj, "alloc " + i);
      assertTrue(seen.add(obj), "distinct objects");
      assertEquals(ObjectTable.LIVE, slab.objects().state(obj));
      assertEquals(2, slab.objects().allocCpu(obj));
      assertConserved(ma);
    }
    assertEquals(0L, timers.now());
    assertEquals(0, slab.failedAllocs());
    assertEquals(200, ma.liveObjects());
    assertEquals(200L * 64, ma.liveBytes());
    assertEquals(200, slab.coldAllocs(), "prefill and refill objects are cold");
    // 4 prefilled, then each empty list is refilled by one batch of 48: 4 + 4*48 = 196 < 200 <= 244
    assertEquals(4 + 5 * 48 - 200, ma.freeCount(2, CLASS_64));
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void badRequestsFailAndCount() {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    assertEquals(-1, ma.alloc(0, 0, ExecContext.TASK));
    assertEquals(-1, ma.alloc(0, 4089, ExecContext.TASK));
    assertEquals(2, slab.failedAllocs());
    assertThrows(IndexOutOfBoundsException.class, () -> ma.alloc(CPUS, 8, ExecContext.TASK));
    int obj = ma.alloc(0, 4088, ExecContext.TASK);
    assertEquals(4096, slab.objects().unitBytes(obj));
    BpfMemAlloc other = slab.create(2, "other", 0);
    assertThrows(IllegalArgumentException.class, () -> other.free(obj, 0));
    ma.free(obj, 0);
    assertThrows(IllegalStateException.class, () -> ma.free(obj, 0), "double free");
    assertConsistent(slab, List.of(ma, other));
  }
}
