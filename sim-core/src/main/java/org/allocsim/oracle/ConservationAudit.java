package org.allocsim.oracle;

import java.util.List;
import org.allocsim.memory.BpfMemAlloc;
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

  public static void recount(ObjectTable table, List<BpfMemAlloc> allocators, long now, SafetyOracle oracle) {
    int n = allocators.size();
    long[] live = new long[n];
    long[] cached = new long[n];
    long[] waiting = new long[n];
    for (int o = 0; o < table.capacity(); o++) {
      byte s = table.state(o);
      if (s == ObjectTable.NONE) {
        continue;
      }
      int a = table.allocator(o);
      long unit = table.unitBytes(o);
      switch (s) {
        case ObjectTable.LIVE -> live[a] += unit;
        case ObjectTable.CACHED -> cached[a] += unit;
        default -> waiting[a] += unit;
      }
    }
    for (BpfMemAlloc a : allocators) {
      int i = a.id();
      if (live[i] != a.liveBytes() || cached[i] != a.cachedBytes() || waiting[i] != a.waitingBytes()) {
        oracle.report(now, ViolationKind.CONSERVATION, "end of run", -1, i, a.name() + ": object table has live "
            + live[i] + " cached " + cached[i] + " waiting " + waiting[i] + " bytes, counters say "
            + a.liveBytes() + " / " + a.cachedBytes() + " / " + a.waitingBytes());
      }
    }
  }
}
