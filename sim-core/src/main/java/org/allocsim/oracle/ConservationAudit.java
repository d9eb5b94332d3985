package org.allocsim.oracle;

import java.util.List;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ListCensus;
import org.allocsim.memory.ObjectTable;

/**
 * Memory conservation: for every allocator, bytes obtained from slab = live + cached + waiting for a grace period
 * + returned to slab. {@link #check} compares the allocators' counters (cheap, after every control event);
 * {@link #recount} recounts from the object table (at the end), so a counter bug cannot hide itself.
 */
public final class ConservationAudit {
  private ConservationAudit() {}

  public static void check(List<BpfMemAlloc> allocators, long now, String event, SafetyOracle oracle) {
    for (BpfMemAlloc a : allocators) {
      long accounted = a.liveBytes() + a.cachedBytes() + a.waitingBytes() + a.returnedBytes();
      if (a.allocatedBytes() != accounted) {
        oracle.report(now, ViolationKind.CONSERVATION, event, -1, a.id(), a.name() + ": allocated "
            + a.allocatedBytes() + " != live + cached + waiting + returned " + accounted);
      }
    }
  }

  /**
   * Recounts live bytes and listed objects from the object table and the cached and waiting bytes from each
   * allocator's lists ({@link ListCensus}, which reads each listed object's record), against the counters.
   */
  public static void recount(ObjectTable table, List<BpfMemAlloc> allocators, long now, SafetyOracle oracle) {
    int n = allocators.size();
    long[] live = new long[n];
    int[] listed = new int[n];
    for (int o = 0; o < table.capacity(); o++) {
      if (table.isLive(o)) {
        live[table.allocator(o)] += table.unitBytes(o);
      } else if (table.isListed(o)) {
        listed[table.allocator(o)]++;
      }
    }
    for (BpfMemAlloc a : allocators) {
      int i = a.id();
      ListCensus lists = ListCensus.of(a);
      if (live[i] != a.liveBytes() || lists.cachedBytes() != a.cachedBytes()
          || lists.waitingBytes() != a.waitingBytes()) {
        oracle.report(now, ViolationKind.CONSERVATION, "end of run", -1, i, a.name() + ": object table has live "
            + live[i] + " cached " + lists.cachedBytes() + " waiting " + lists.waitingBytes()
            + " bytes, counters say " + a.liveBytes() + " / " + a.cachedBytes() + " / " + a.waitingBytes());
      }
      if (listed[i] != lists.objects() || lists.strays() > 0) {
        oracle.report(now, ViolationKind.CONSERVATION, "end of run", -1, i, a.name() + ": object table has "
            + listed[i] + " objects on lists, the lists hold " + lists.objects() + " (" + lists.strays()
            + " not listed in this allocator by their records)");
      }
    }
  }
}
