package org.allocsim.strategies;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.MapView;

/**
 * Design 2's map->used_allocators: {kptr field -> allocator} bindings, each holding a reference until it dissolves
 * or its map is freed. Objects dropped from a bound field go to its allocator when they fit ("for all pointers
 * returned from kptr_xchg the verifier will know which allocator is supposed to be used", Alexei 08-29 20:34).
 */
final class FieldBindings {
  private final StrategyContext ctx;
  private final Map<FieldKey, AllocatorRef> bound = new LinkedHashMap<>();
  /** False only in the mutant whose bindings hold no reference (Mutation). */
  private final boolean holdsReferences;

  FieldBindings(StrategyContext ctx) {
    this(ctx, true);
  }

  FieldBindings(StrategyContext ctx, boolean holdsReferences) {
    this.ctx = ctx;
    this.holdsReferences = holdsReferences;
  }

  /** The allocator bound to k, or null. */
  AllocatorRef get(FieldKey k) {
    return bound.get(k);
  }

  boolean contains(FieldKey k) {
    return bound.containsKey(k);
  }

  /** Binds k to a, taking the binding's reference. */
  void bind(FieldKey k, AllocatorRef a) {
    if (holdsReferences) {
      ctx.acquire(a);
    }
    bound.put(k, a);
  }

  /** Dissolves k's binding, dropping its reference. */
  void dissolve(FieldKey k) {
    AllocatorRef a = bound.remove(k);
    if (holdsReferences) {
      ctx.release(a);
    }
  }

  /** Bound fields in binding order (a view). */
  Set<FieldKey> fields() {
    return bound.keySet();
  }

  /** The bindings as a read-only map, for union-find seeding. */
  Map<FieldKey, AllocatorRef> asMap() {
    return java.util.Collections.unmodifiableMap(bound);
  }

  /** The bound allocator when the object fits it; else the header's (an unbound field: the hidden 8 bytes). */
  AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    AllocatorRef b = map == null ? null : bound.get(new FieldKey(map, field));
    return b != null && b.fits(ctx.unitBytes(object)) ? b : header;
  }

  /** "At map free time walk all elements and free kptrs. Finally drop allocator refcnts." */
  void mapFreed(MapView map) {
    for (Iterator<Map.Entry<FieldKey, AllocatorRef>> it = bound.entrySet().iterator(); it.hasNext();) {
      Map.Entry<FieldKey, AllocatorRef> b = it.next();
      if (b.getKey().map() == map) {
        it.remove();
        if (holdsReferences) {
          ctx.release(b.getValue());
        }
      }
    }
  }

  /** Each binding holds a reference, and neither its map nor its allocator has gone. */
  void check(Invariants check) {
    bound.forEach((k, a) -> {
      check.holds(a);
      check.require(!k.map().isFreed() && !a.destroyed(), "binding " + k + " -> " + a
          + " outlived its map or allocator");
    });
  }
}
