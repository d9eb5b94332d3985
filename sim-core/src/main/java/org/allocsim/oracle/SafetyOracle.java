package org.allocsim.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings. Counts are exact; details are kept for the first {@link #DETAIL_LIMIT} findings of each kind,
 * because one design hole can produce a finding per freed object.
 */
public final class SafetyOracle {
  public static final int DETAIL_LIMIT = 1000;

  private final List<Violation> kept = new ArrayList<>();
  private final Map<ViolationKind, Long> counts = new EnumMap<>(ViolationKind.class);

  public void report(long timeNs, ViolationKind kind, String event, int object, int allocator, String detail) {
    long n = counts.merge(kind, 1L, Long::sum);
    if (n <= DETAIL_LIMIT) {
      kept.add(new Violation(timeNs, kind, event, object, allocator, detail));
    }
  }

  /** Total findings of a kind, including those whose details were not kept. */
  public long count(ViolationKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  public long total() {
    long t = 0;
    for (long c : counts.values()) {
      t += c;
    }
    return t;
  }

  /** Kept findings in the order they happened. */
  public List<Violation> violations() {
    return Collections.unmodifiableList(kept);
  }

  public Map<ViolationKind, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }
}
