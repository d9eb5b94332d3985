package org.allocsim.memory;

import static org.allocsim.memory.MemoryChecks.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bpf_mem_alloc_destroy(): drain_mem_cache() of every list, LIVE objects untouched (docs/kernel-allocator.md). */
class DestroyTest {
  private final ManualTimers timers = new ManualTimers();
  private final Slab slab = new Slab(MemoryParams.defaults(2), timers);

  @Test
  void destroyDrainsEveryListAndLeavesLiveObjects() {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    BpfMemAlloc keep = slab.create(2, "kept", 128);
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      live.add(ma.alloc(i % 2, 8 + (i % 7) * 100, ExecContext.TASK));
      keep.alloc(i % 2, 100, ExecContext.TASK);
    }
    for (int i = 0; i < 200; i++) {
      int obj = live.remove(live.size() - 1);
      ma.free(obj, (i / 3) % 2, i % 2 == 0 ? FreePath.RCU : FreePath.DIRECT);
    }
    timers.advance(3_000); // irq_work: trims and stage-1 starts
    assertTrue(ma.waitingBytes() > 0, "objects in RCU stages");
    assertTrue(ma.callbacksInFlight());
    long keptAllocated = keep.allocatedBytes();
    long liveBytes = ma.liveBytes();
    ma.destroy();
    assertTrue(ma.destroyed());
    assertEquals(0, ma.cachedBytes());
    assertEquals(0, ma.waitingBytes());
    assertEquals(0, ma.overheadBytes());
    assertEquals(100, ma.liveObjects());
    assertEquals(liveBytes, ma.liveBytes());
    assertEquals(ma.allocatedBytes(), ma.liveBytes() + ma.returnedBytes());
    for (int obj : live) {
      assertEquals(ObjectTable.LIVE, slab.objects().state(obj), "the kernel does not track live objects");
    }
    assertTrue(ma.callbacksInFlight(), "late RCU callbacks are still pending");
    assertConsistent(slab, List.of(ma, keep));

    long returned = ma.returnedBytes();
    timers.advance(100_000_000);
    assertFalse(ma.callbacksInFlight());
    assertEquals(returned, ma.returnedBytes(), "late callbacks find nothing");
    assertEquals(keptAllocated, keep.allocatedBytes(), "other allocators are unaffected");
    assertConsistent(slab, List.of(ma, keep));

    long failed = slab.failedAllocs();
    assertEquals(-1, ma.alloc(0, 8, ExecContext.TASK));
    assertEquals(failed + 1, slab.failedAllocs());
    assertThrows(IllegalStateException.class, () -> ma.free(live.get(0), 0));
    assertThrows(IllegalStateException.class, () -> ma.prefill(0, 0, 1));
    ma.destroy(); // idempotent
    assertEquals(returned, ma.returnedBytes());
    assertEquals(0, ma.freeCount(0, 0));
  }

  @Test
  void freshAllocatorDestroyReturnsItsPrefill() {
    BpfMemAlloc ma = slab.create(7, "fresh", 0);
    ma.destroy();
    assertEquals(10_816L * 2, ma.returnedBytes());
    assertEquals(ma.allocatedBytes(), ma.returnedBytes());
    assertEquals(slab.slabAllocatedBytes(), slab.slabReturnedBytes());
    assertFalse(ma.callbacksInFlight());
    assertEquals(0, timers.queued());
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void pendingIrqWorkDoesNothingAfterDestroy() {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    ma.alloc(0, 8, ExecContext.NMI); // raises irq_work
    assertTrue(ma.irqWorkPending(0, 0));
    ma.destroy();
    long allocated = ma.allocatedBytes();
    timers.advance(1_000_000);
    assertEquals(allocated, ma.allocatedBytes(), "no refill from a destroyed allocator");
    assertConsistent(slab, List.of(ma));
  }

  @Test
  void prefillHelperRunsAllocBulkNow() {
    BpfMemAlloc ma = slab.create(1, "global", 0);
    ma.prefill(1, 3, 20);
    assertEquals(24, ma.freeCount(1, 3));
    assertEquals(10_816L * 2 + 20L * 96, ma.allocatedBytes());
    assertThrows(IllegalArgumentException.class, () -> ma.prefill(1, 3, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> ma.prefill(1, SizeClasses.COUNT, 1));
    assertConsistent(slab, List.of(ma));
  }
}
