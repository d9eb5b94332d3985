package org.allocsim.strategies;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.OpKind;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/**
 * Design 2 as Alexei proposed it (D2b, 08-29 20:34, docs/designs.md): "the verifier walks all
 * kptr_xchg(map_value, obj) and adds obj's allocator to map->used_allocators <- {kptr_offset, allocator}; If
 * kptr_offset already exists -> failure to load." The binding holds a reference on the allocator. "Do nothing at
 * prog unload." At map free the objects go to the field's allocator, then the references are dropped.
 *
 * <p>Known unsafe, modelled as proposed: kptr_xchg(M1.f, NULL) from a field not yet bound when the program loads
 * carries no allocator information, so the store into M2.g binds nothing (Kumar's P1/P2/P3, S7); from a bound field
 * it carries that field's allocator and binds M2.g like an allocation would. An object moved into a never-bound
 * field is freed into the allocator its header names, which may be gone by then. Fields reached through an outer map are bound on the
 * outer map (the verifier sees the template), so an inner map keeps no binding of its own (S4).
 */
public final class PerField implements LifetimeStrategy {
  private StrategyContext ctx;
  private ProgramAllocators allocators;
  private final Map<FieldKey, Integer> bound = new LinkedHashMap<>();

  @Override
  public String name() {
    return "per-field";
  }

  @Override
  public String rule() {
    return "verifier binds each {map, kptr field} to one allocator at load; moves from unbound fields bind nothing";
  }

  @Override
  public String source() {
    return "Alexei 2022-08-29 20:34 (S10); hole: Kumar's P1/P2/P3 quoted in Alexei 08-29 23:03 (S11, S7)";
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
  }

  @Override
  public LoadVerdict verify(Program p) {
    LoadVerdict types = StoredTypes.namesMatch(p);
    if (!types.accepted()) {
      return types;
    }
    String refusal = newBindings(p, false, new HashMap<>());
    return refusal == null ? LoadVerdict.ACCEPT : LoadVerdict.reject(refusal);
  }

  @Override
  public void onLoad(Program p) {
    allocators.load(p);
    Map<FieldKey, Integer> added = new LinkedHashMap<>();
    newBindings(p, true, added);
    added.forEach((k, a) -> {
      ctx.acquire(a); // map->used_allocators holds the allocator until map free
      bound.put(k, a);
    });
  }

  /**
   * The bindings p adds, in step order: an allocation binds its destination; a pointer from kptr_xchg(&src, NULL)
   * carries src's allocator if src is bound by then, so a move binds its destination too (Kumar: with P2 loaded
   * first "no info lost"); from an unbound field it carries nothing and binds nothing (the S7 hole). Returns the
   * refusal, or null.
   */
  private String newBindings(Program p, boolean loaded, Map<FieldKey, Integer> added) {
    for (Operation op : p.operations()) {
      Integer a = switch (op.kind()) {
        case ALLOC_STORE -> loaded ? allocators.allocatorFor(p, op) : allocators.named(p, op);
        case MOVE -> current(FieldKey.of(op.from()), added);
        case PUT_HELD -> heldAllocator(p, added);
        default -> null;
      };
      if (a == null) {
        continue;
      }
      FieldKey k = FieldKey.of(op.to());
      Integer b = current(k, added);
      if (b != null && !b.equals(a)) {
        return "kptr field " + k + " already bound to allocator " + allocators.describe(p, b) + ", not "
            + allocators.describe(p, a) + " (kptr_offset already exists)";
      }
      if (!bound.containsKey(k)) {
        added.putIfAbsent(k, a); // an existing binding already holds its reference: S14 stranded A otherwise
      }
    }
    return null;
  }

  private Integer current(FieldKey k, Map<FieldKey, Integer> added) {
    Integer b = bound.get(k);
    return b != null ? b : added.get(k);
  }

  /** The allocator of what TAKE_HOLD steps took, when one of their fields is bound. */
  private Integer heldAllocator(Program p, Map<FieldKey, Integer> added) {
    for (Operation take : p.operations()) {
      Integer a = take.kind() == OpKind.TAKE_HOLD ? current(FieldKey.of(take.from()), added) : null;
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    return allocators.allocatorFor(program, operation);
  }

  @Override
  public int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
    Integer b = map == null ? null : bound.get(new FieldKey(map, field));
    // "For all pointers returned from kptr_xchg the verifier will know which allocator is supposed to be used";
    // an unbound field falls back to the header (the hidden 8 bytes the proposal hoped to drop).
    if (b == null || !FieldKey.fits(ctx.allocator(b), ctx.objects().unitBytes(object))) {
      return headerAllocator;
    }
    return b;
  }

  @Override
  public void onProgramFreed(Program p) {
    allocators.programFreed(p); // its own allocator leaves with it, as an allocator map in used_maps would
  }

  @Override
  public void onMapFree(BpfMap map) {
    // "At map free time walk all elements and free kptrs. Finally drop allocator refcnts."
    for (Iterator<Map.Entry<FieldKey, Integer>> it = bound.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<FieldKey, Integer> e = it.next();
      if (e.getKey().map() == map) {
        it.remove();
        ctx.release(e.getValue());
      }
    }
    allocators.mapFreed(map);
  }

  @Override
  public void checkInvariants(InvariantSink sink) {
    allocators.check(sink);
    Map<Integer, Integer> perAllocator = new HashMap<>();
    bound.forEach((k, a) -> {
      perAllocator.merge(a, 1, Integer::sum);
      if (k.map().isFreed()) {
        sink.breach("binding of " + k + " survived its map's free");
      }
      if (ctx.allocator(a).destroyed()) {
        sink.breach("kptr field " + k + " is bound to destroyed allocator " + ctx.allocator(a).name());
      }
    });
    perAllocator.forEach((a, n) -> {
      if (!ctx.allocator(a).destroyed() && ctx.references(a) < n) {
        sink.breach(ctx.allocator(a).name() + " has " + ctx.references(a) + " references for " + n + " bindings");
      }
    });
  }

  /** The allocator bound to a field, or -1 (for tests and reports). */
  public int boundAllocator(BpfMap map, int field) {
    Integer a = bound.get(new FieldKey(map, field));
    return a == null ? -1 : a;
  }
}
