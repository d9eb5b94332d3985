package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
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
      long listedBytes = 0;
      for (int obj = 0; obj < t.capacity(); obj++) {
        if (t.allocator(obj) != ma.id()) {
          continue;
        }
        if (t.isLive(obj)) {
          live++;
          liveBytes += t.unitBytes(obj);
        } else if (t.isListed(obj)) {
          listedBytes += t.unitBytes(obj);
        }
      }
      assertEquals(ma.liveObjects(), live, "live objects");
      assertEquals(ma.liveBytes(), liveBytes, "live bytes");
      assertEquals(ma.cachedBytes() + ma.waitingBytes(), listedBytes, "cached and waiting bytes");
      assertListsMatch(t, ma, ma.cachedBytes(), ma.waitingBytes());
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
    BitSet seen = new BitSet();
    for (int c = 0; c < mc.count(); c++) {
      int unit = mc.unit(c);
      assertEquals(mc.freeCnt[c], mc.free.size(c), "free_cnt of cache " + c);
      onFree += (long) walk(t, mc.free, c, ObjectTable.CACHED, seen) * unit;
      onWaiting += (long) walk(t, mc.freeByRcu, c, ObjectTable.WAITING_RCU, seen) * unit;
      onWaiting += (long) walk(t, mc.waitingForGp, c, ObjectTable.WAITING_RCU, seen) * unit;
      onWaiting += (long) walk(t, mc.freeByRcuTtrace, c, ObjectTable.WAITING_TASKS_TRACE, seen) * unit;
      onWaiting += (long) walk(t, mc.waitingForGpTtrace, c, ObjectTable.WAITING_TASKS_TRACE, seen) * unit;
      assertTrue(mc.freeCnt[c] >= 0);
    }
    assertEquals(cached, onFree, "bytes on free lists");
    assertEquals(waiting, onWaiting, "bytes on RCU lists");
  }

  /**
   * Objects of list c, each listed in its record and on no other list; the first few also resolve to the state
   * expected (a search of the lists per object: all of them would make the check quadratic).
   */
  private static int walk(ObjectTable t, ObjectLists list, int c, byte expected, BitSet seen) {
    int n = list.size(c);
    for (int k = 0; k < n; k++) {
      int obj = list.get(c, k);
      assertTrue(t.isListed(obj), "object " + obj + " on a list is listed in its record");
      if (k < 8) {
        assertEquals(expected, t.state(obj), "state of object " + obj + " on a list");
      }
      assertTrue(!seen.get(obj), "object " + obj + " on two lists");
      seen.set(obj);
    }
    return n;
  }
}
