package org.allocsim.memory;

/**
 * A recount of one allocator's lists from the object records, for the oracle's end-of-run conservation check: which
 * list an object is on is kept by the lists alone (see {@link ObjectTable}), so the bytes cached and waiting are
 * summed over the lists, each object's record read for its unit, its allocator and its listed state.
 *
 * @param cachedBytes  unit bytes on the free lists (free_llist)
 * @param waitingBytes unit bytes on the four RCU lists of both stages
 * @param objects      objects on any list
 * @param strays       listed objects whose record does not say listed in this allocator
 */
public record ListCensus(long cachedBytes, long waitingBytes, int objects, int strays) {
  /** Walks every list of every cache of {@code allocator}. */
  public static ListCensus of(BpfMemAlloc allocator) {
    MemCaches mc = allocator.caches();
    ObjectTable t = mc.slab().objects();
    long[] sums = new long[4]; // cached bytes, waiting bytes, objects, strays
    for (int c = 0; c < mc.count(); c++) {
      walk(t, mc.free, c, allocator.id(), sums, 0);
      walk(t, mc.freeByRcu, c, allocator.id(), sums, 1);
      walk(t, mc.waitingForGp, c, allocator.id(), sums, 1);
      walk(t, mc.freeByRcuTtrace, c, allocator.id(), sums, 1);
      walk(t, mc.waitingForGpTtrace, c, allocator.id(), sums, 1);
    }
    return new ListCensus(sums[0], sums[1], (int) sums[2], (int) sums[3]);
  }

  private static void walk(ObjectTable t, ObjectLists list, int c, int id, long[] sums, int bytesAt) {
    for (int k = 0; k < list.size(c); k++) {
      int obj = list.get(c, k);
      sums[bytesAt] += t.unitBytes(obj);
      sums[2]++;
      if (!t.isListed(obj) || t.allocator(obj) != id) {
        sums[3]++;
      }
    }
  }
}
