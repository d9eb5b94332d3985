package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;

/** Assertions shared by the tests: O(1) conservation, and a full scan of the object table against the counters. */
final class MemoryChecks {
  private MemoryChecks() {}

  /** allocatedBytes == liveBytes + cachedBytes + waitingBytes + returnedBytes. */
  static void assertConserved(BpfMemAlloc ma) {
    assertEquals(ma.allocatedBytes(),
        ma.liveBytes() + ma.cachedBytes() + ma.waitingBytes() + ma.returnedBytes(),
        () -> "conservation broken for " + ma);
  }

  /**
   * Recounts everything by walking the object table and every list of every cache: object states, byte counters,
   * free_cnt, slab totals. {@code all} must hold every allocator created on {@code slab}.
   */
  static void assertConsistent(Slab slab, Collection<BpfMemAlloc> all) {
    ObjectTable t = slab.objects();
    long slabAllocated = 0;
    long slabReturned = 0;
    for (BpfMemAlloc ma : all) {
      assertConserved(ma);
      long live = 0;
      long liveBytes = 0;
      long cached = 0;
      long waiting = 0;
      for (int obj = 0; obj < t.capacity(); obj++) {
        if (t.state(obj) == ObjectTable.NONE || t.allocator(obj) != ma.id()) {
          continue;
        }
        switch (t.state(obj)) {
          case ObjectTable.LIVE -> {
            live++;
            liveBytes += t.unitBytes(obj);
          }
          case ObjectTable.CACHED -> cached += t.unitBytes(obj);
          default -> waiting += t.unitBytes(obj);
        }
      }
      assertEquals(ma.liveObjects(), live, "live objects");
      assertEquals(ma.liveBytes(), liveBytes, "live bytes");
      assertEquals(ma.cachedBytes(), cached, "cached bytes");
      assertEquals(ma.waitingBytes(), waiting, "waiting bytes");
      assertListsMatch(t, ma, cached, waiting);
      slabAllocated += ma.allocatedBytes();
      slabReturned += ma.returnedBytes();
    }
    assertEquals(slab.slabAllocatedBytes(), slabAllocated, "slab allocated");
    assertEquals(slab.slabReturnedBytes(), slabReturned, "slab returned");
  }

  /** Every cached/waiting byte is on exactly the list its state says, and free_cnt is the free_llist length. */
  private static void assertListsMatch(ObjectTable t, BpfMemAlloc ma, long cached, long waiting) {
    MemCaches mc = ma.caches();
    long onFree = 0;
    long onWaiting = 0;
    for (int c = 0; c < mc.count(); c++) {
      int unit = mc.unit(c);
      assertEquals(mc.freeCnt[c], mc.length(mc.freeHead, c), "free_cnt of cache " + c);
      onFree += (long) walk(t, mc.freeHead[c], ObjectTable.CACHED) * unit;
      onWaiting += (long) walk(t, mc.freeByRcuHead[c], ObjectTable.WAITING_RCU) * unit;
      onWaiting += (long) walk(t, mc.waitingForGpHead[c], ObjectTable.WAITING_RCU) * unit;
      onWaiting += (long) walk(t, mc.freeByRcuTtraceHead[c], ObjectTable.WAITING_TASKS_TRACE) * unit;
      onWaiting += (long) walk(t, mc.waitingForGpTtraceHead[c], ObjectTable.WAITING_TASKS_TRACE) * unit;
      assertTrue(mc.freeCnt[c] >= 0);
    }
    assertEquals(cached, onFree, "bytes on free lists");
    assertEquals(waiting, onWaiting, "bytes on RCU lists");
  }

  private static int walk(ObjectTable t, int head, byte expected) {
    int n = 0;
    for (int obj = head; obj != ObjectTable.NIL; obj = t.next(obj)) {
      assertEquals(expected, t.state(obj), "state of object " + obj + " on a list");
      n++;
      assertTrue(n <= t.capacity(), "cycle in a list");
    }
    return n;
  }
}
