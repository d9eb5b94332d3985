package org.allocsim.strategies;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.MapView;
import org.allocsim.world.FieldRef;
import org.allocsim.world.StepKind;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * Design 2 as Alexei proposed it (D2b, 08-29 20:34, docs/designs.md): "the verifier walks all
 * kptr_xchg(map_value, obj) and adds obj's allocator to map->used_allocators <- {kptr_offset, allocator}; If
 * kptr_offset already exists -> failure to load." The binding holds a reference on the allocator. "Do nothing at
 * prog unload." At map free the objects go to the field's allocator, then the references are dropped.
 *
 * <p>Known unsafe, modelled as proposed: kptr_xchg(M1.f, NULL) from a field not yet bound when the program loads
 * carries no allocator information, so the store into M2.g binds nothing (Kumar's P1/P2/P3, S7); from a bound field
 * it carries that field's allocator and binds M2.g like an allocation would. An object moved into a never-bound
 * field is freed into the allocator its header names, which may be gone by then. Fields reached through an outer
 * map are bound on the outer map (the verifier sees the template), so an inner map keeps no binding of its own
 * (S4). Answers change on Loaded (new bindings), ProgramFreed and MapFreed.
 */
@Design(name = "per-field",
    rule = "verifier binds each {map, kptr field} to one allocator at load; moves from unbound fields bind nothing",
    source = "Alexei 2022-08-29 20:34 (S10); hole: Kumar's P1/P2/P3 quoted in Alexei 08-29 23:03 (S11, S7)",
    newObjects = "Binds kptr fields only: both fields a refcounted object is stored into bind to the allocator "
        + "the program named; a graph root binds nothing (choice: the thread never met a root), so a node "
        + "in a tree of another map does not keep its allocator, and the oracle finds the allocator "
        + "destroyed with live nodes when the program goes. Percpu objects come from the kernel's "
        + "bpf_global_percpu_ma, which the design is not asked about (the thread predates them; choice). A "
        + "refcounted object is freed when its last reference goes, into the allocator the design names "
        + "for the place that reference left. ")
public final class PerField implements LifetimeStrategy {
  private StrategyContext ctx;
  private ProgramAllocators allocators;
  private FieldBindings bound;

  @Override
  public LoadVerdict verify(Verification question) {
    if (!(question instanceof Verification.ProgramLoad load)) {
      return LoadVerdict.ACCEPT;
    }
    LoadVerdict types = StoredTypes.namesMatch(load.program());
    if (!types.accepted()) {
      return types;
    }
    String refusal = newBindings(load.program(), false, new HashMap<>());
    return refusal == null ? LoadVerdict.ACCEPT : LoadVerdict.reject(refusal);
  }

  /**
   * The bindings p adds, in step order: an allocation binds its destination; a pointer from kptr_xchg(&src, NULL)
   * carries src's allocator if src is bound by then, so a move binds its destination too (Kumar: with P2 loaded
   * first "no info lost"); from an unbound field it carries nothing and binds nothing (the S7 hole). Returns the
   * refusal, or null.
   */
  private String newBindings(ProgramView p, boolean loaded, Map<FieldKey, AllocatorName> added) {
    for (Step op : p.steps()) {
      if (op.kind().percpu()) {
        continue; // bpf_global_percpu_ma is the kernel's in every design
      }
      List<FieldRef> into = op.kind().allocates() ? Destinations.ofAllocation(op) : List.of();
      AllocatorName a = switch (op.kind()) {
        case ALLOC_STORE, NEW_STORE_ACQUIRE, NEW_ADD -> into.isEmpty() ? null
            : loaded ? new AllocatorName.Existing(allocators.allocatorFor(p, op)) : allocators.named(op);
        case MOVE -> current(FieldKey.of(op.from()), added);
        case PUT_HELD -> heldAllocator(p, added);
        default -> null;
      };
      if (a == null) {
        continue;
      }
      for (FieldRef f : into.isEmpty() ? List.of(op.to()) : into) {
        FieldKey k = FieldKey.of(f);
        AllocatorName b = current(k, added);
        if (b != null && !b.equals(a)) {
          return "kptr field " + k + " already bound to allocator " + b.describe(p) + ", not " + a.describe(p)
              + " (kptr_offset already exists)";
        }
        if (!bound.contains(k)) {
          added.putIfAbsent(k, a); // an existing binding already holds its reference: S14 stranded A otherwise
        }
      }
    }
    return null;
  }

  private AllocatorName current(FieldKey k, Map<FieldKey, AllocatorName> added) {
    AllocatorRef b = bound.get(k);
    return b != null ? new AllocatorName.Existing(b) : added.get(k);
  }

  /** The allocator of what TAKE_HOLD steps took, when one of their fields is bound. */
  private AllocatorName heldAllocator(ProgramView p, Map<FieldKey, AllocatorName> added) {
    for (Step take : p.steps()) {
      AllocatorName a = take.kind() == StepKind.TAKE_HOLD ? current(FieldKey.of(take.from()), added) : null;
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Step step) {
    return allocators.allocatorFor(program, step);
  }

  @Override
  public AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    return bound.freeTarget(object, header, map, field);
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
    this.bound = new FieldBindings(context);
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Loaded e) {
      allocators.load(e.program());
      Map<FieldKey, AllocatorName> added = new LinkedHashMap<>();
      newBindings(e.program(), true, added);
      // map->used_allocators holds the allocator until map free
      added.forEach((k, a) -> bound.bind(k, ((AllocatorName.Existing) a).ref()));
    } else if (event instanceof LifecycleEvent.ProgramFreed e) {
      allocators.programFreed(e.program()); // its own allocator leaves with it, as an allocator map would
    } else if (event instanceof LifecycleEvent.MapFreed e) {
      bound.mapFreed(e.map());
      allocators.mapFreed(e.map());
    } else if (event instanceof LifecycleEvent.RunEnded e) {
      Invariants check = new Invariants(ctx, e.sink());
      allocators.check(check);
      bound.check(check);
      check.referencesCoverHolders("bindings");
    }
  }
}
