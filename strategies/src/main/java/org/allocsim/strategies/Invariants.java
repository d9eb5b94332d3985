package org.allocsim.strategies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.InvariantSink;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.MapView;

/**
 * The end-of-run checks several designs share: what they hold still exists, every holder has its reference on the
 * allocator ("references >= holders"), and the objects stored in kptr fields come from the allocator the design
 * bound to the field.
 */
final class Invariants {
  private final StrategyContext ctx;
  private final InvariantSink sink;
  private final Map<AllocatorRef, Integer> holders = new LinkedHashMap<>();

  Invariants(StrategyContext ctx, InvariantSink sink) {
    this.ctx = ctx;
    this.sink = sink;
  }

  /** Reports breach unless ok. */
  void require(boolean ok, String breach) {
    if (!ok) {
      sink.breach(breach);
    }
  }

  /** Counts one holder of a reference on a; {@link #referencesCoverHolders} compares. */
  void holds(AllocatorRef a) {
    holders.merge(a, 1, Integer::sum);
  }

  /** Every allocator not yet destroyed has at least one reference per holder counted (holders: the word). */
  void referencesCoverHolders(String what) {
    holders.forEach((a, n) -> require(a.destroyed() || ctx.references(a) >= n,
        a + " has " + ctx.references(a) + " references for " + n + " " + what));
  }

  /**
   * Every object stored in a live map's kptr field comes from the allocator expected(map, field) names (null:
   * the design bound none, itself a breach); rule says what the expected allocator is, for the message.
   */
  void storedObjectsFrom(BiFunction<MapView, Integer, AllocatorRef> expected, String rule) {
    for (MapView m : ctx.maps()) {
      if (m.isFreed() || !m.holdsKptrs()) {
        continue;
      }
      int fields = m.fieldCount();
      m.forEachStored((slot, obj) -> {
        int field = (int) (slot % fields);
        if (m.fieldType(field).isKernel()) {
          return; // a kernel kptr holds a kernel object (bpf_cpumask_ma), never the design's
        }
        AllocatorRef want = expected.apply(m, field);
        AllocatorRef from = ctx.allocatorOfObject(obj);
        if (want != from) { // the message only for a breach: this runs for every stored object (issue 17)
          require(false, "object " + obj + " in " + FieldKey.name(m, field) + " is from " + from + " but "
              + rule + " is " + (want == null ? "nothing" : want.name()));
        }
      });
    }
  }
}
