package org.allocsim.strategies;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.allocsim.btf.BtfType;
import org.allocsim.btf.BtfView;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.AllocSource;
import org.allocsim.world.MapView;
import org.allocsim.world.StepKind;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * The placeholder variant (Alexei 2022-08-29 23:03, docs/designs.md): used_allocator moves from the map into
 * BTF, "since BTF is the root of this dependency chain". The first program that allocates a type adds the
 * {allocator, btf_id} pair to the BTF object; one that only takes or moves installs a
 * unique_allocator_placeholder, and its kptr_xchg() returns NULL until an allocating program replaces it. A claim
 * stays until the BTF object is freed (Delyan's objection, S11b / S8), when the allocator reference goes:
 * "btf_put(map->btf) would need to move after ops->map_free". A move needs "M1's BTF == M2's BTF and id-s are
 * same"; frees use the claimed allocator (the hidden {@code ma} argument).
 *
 * <p>Allocation without a named allocator (bpf_obj_new) uses the claimed allocator, creating one for the type if
 * it has none. Allocator maps and map-exposed allocators resolve as {@link ProgramAllocators} says. An inner map
 * must carry its outer map's BTF object: its fields are matched by BTF identity like a move's. Answers change on
 * Loaded (claims), ProgramFreed, MapFreed and BtfFreed.
 */
@Design(name = "btf-placeholder",
    rule = "first allocator per (BTF object, type) wins until the BTF is freed; takers get a NULL placeholder",
    source = "Alexei 2022-08-29 23:03 (S11), Delyan's objection quoted in Alexei 08-30 18:52 (S11b)",
    newObjects = "Allocators are claimed per BTF type whatever the place, so a node in a tree keeps its allocator "
        + "through the type's BTF, which the map holds; roots add no check of their own (choice). Percpu "
        + "objects come from the kernel's bpf_global_percpu_ma, which the design is not asked about (the "
        + "thread predates them; choice). A refcounted object is freed when its last reference goes, into "
        + "the allocator the design names for the place that reference left. ")
public final class BtfPlaceholder implements LifetimeStrategy {
  /** Null, or the rule a mutation test dropped. */
  Mutation mutation;
  private StrategyContext ctx;
  private ProgramAllocators allocators;
  /**
   * BTF->used_allocator by type (BTF object and struct): empty for unique_allocator_placeholder, claimed by a
   * program that takes or moves but never allocates; a claimed allocator holds one reference.
   */
  private final Map<BtfType, Optional<AllocatorRef>> claims = new LinkedHashMap<>();

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
  }

  @Override
  public LoadVerdict verify(Verification question) {
    if (question instanceof Verification.InnerMapInsert i) {
      return i.outer().fieldCount() > 0 && i.inner().btf() != i.outer().btf() ? LoadVerdict.reject("inner map "
          + i.inner().name() + " carries " + i.inner().btf().name() + " but " + i.outer().name()
          + "'s kptr types live in " + i.outer().btf().name() + " (M1's BTF == M2's BTF)") : LoadVerdict.ACCEPT;
    }
    ProgramView p = ((Verification.ProgramLoad) question).program();
    Map<BtfType, AllocatorName> mine = new HashMap<>();
    for (Step op : p.steps()) {
      if ((op.kind() == StepKind.ALLOC_STORE || op.kind() == StepKind.ACQUIRE_STORE)
          && !op.allocType().sameAs(op.to().type())) {
        return LoadVerdict.reject("invalid kptr access: type=ptr_" + op.allocType().name() + " ("
            + op.allocType().btf().name() + ") expected=ptr_" + op.to().type().name() + " ("
            + op.to().type().btf().name() + ")");
      }
      LoadVerdict moves = op.kind() == StepKind.MOVE ? sameBtf(op, op.from().map(), op.from().type())
          : op.kind() == StepKind.PUT_HELD ? heldSameBtf(p, op) : LoadVerdict.ACCEPT;
      if (!moves.accepted()) {
        return moves;
      }
      if (op.kind().allocatesFromDesign() && op.source() != AllocSource.Kind.DEFAULT) {
        AllocatorName a = allocators.named(op);
        Optional<AllocatorRef> claimed = claims.getOrDefault(op.allocType(), Optional.empty());
        AllocatorName b = claimed.isPresent() ? new AllocatorName.Existing(claimed.get()) : mine.get(op.allocType());
        if (b != null && !b.equals(a)) {
          return LoadVerdict.reject("struct " + op.allocType().name() + " of " + op.allocType().btf().name()
              + " is already claimed by allocator " + b.describe(p) + ", not " + a.describe(p)
              + " (BTF used_allocator)");
        }
        mine.putIfAbsent(op.allocType(), a);
      }
    }
    return LoadVerdict.ACCEPT;
  }

  private void load(ProgramView p) {
    AllocatorRef[] table = new AllocatorRef[p.stepCount()];
    // Named allocators first, so that a bpf_obj_new of the same type in this program uses the one it claims.
    for (Step op : p.steps()) {
      if (op.kind().allocatesFromDesign() && op.source() != AllocSource.Kind.DEFAULT) {
        table[op.index()] = claim(op.allocType(), allocators.instantiate(p, op));
      }
    }
    for (Step op : p.steps()) {
      if (op.kind().allocatesFromDesign() && op.source() == AllocSource.Kind.DEFAULT) {
        BtfType t = op.allocType();
        Optional<AllocatorRef> s = claims.getOrDefault(t, Optional.empty());
        if (s.isEmpty()) {
          s = Optional.of(ctx.createAllocator(t.name() + "@" + t.btf().name() + ".ma"));
          claims.put(t, s); // the claim owns the creation reference
        }
        table[op.index()] = s.get();
      }
      if (op.kind().takes() && !op.from().type().isKernel()) {
        claims.putIfAbsent(op.from().type(), Optional.empty()); // {unique_allocator_placeholder, btf_id}
      }
    }
    allocators.record(p, table);
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Step step) {
    return allocators.allocatorFor(program, step);
  }

  @Override
  public boolean takeReturnsObject(ProgramView program, Step step) {
    // "Since nothing can allocate into that kptr local those kptr_xchg() in P1 and P3 will be returning NULL."
    // Kernel kptrs hold acquired kernel objects; the placeholder is a local type's.
    return step.from().type().isKernel() || !placeholder(step.from().type());
  }

  @Override
  public AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    Optional<AllocatorRef> s = map == null ? Optional.empty() : claims.getOrDefault(map.fieldType(field),
        Optional.empty());
    return s.isPresent() && s.get().fits(ctx.unitBytes(object)) ? s.get() : header;
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Loaded e) {
      load(e.program());
    } else if (event instanceof LifecycleEvent.ProgramFreed e) {
      allocators.programFreed(e.program());
    } else if (event instanceof LifecycleEvent.MapFreed e) {
      allocators.mapFreed(e.map());
    } else if (event instanceof LifecycleEvent.BtfFreed e) {
      btfFreed(e.btf());
    } else if (event instanceof LifecycleEvent.RunEnded e) {
      Invariants check = new Invariants(ctx, e.sink());
      allocators.check(check);
      claims.forEach((t, a) -> {
        check.require(!t.btf().isFreed(), "used_allocator claim of " + t + " survived its BTF object");
        a.ifPresent(ref -> {
          check.holds(ref);
          check.require(!ref.destroyed(), "claim of " + t + " names destroyed allocator " + ref);
        });
      });
      check.referencesCoverHolders("claims");
      check.storedObjectsFrom((m, field) -> claims.getOrDefault(m.fieldType(field), Optional.empty()).orElse(null),
          "its type's claimed allocator");
    }
  }

  /** "we decrement allocator refcnt only when BTF is freed". */
  private void btfFreed(BtfView btf) {
    claims.entrySet().removeIf(c -> {
      boolean gone = c.getKey().btf() == btf;
      if (gone && mutation != Mutation.BTF_PLACEHOLDER_SLOT_REFERENCE) {
        c.getValue().ifPresent(ctx::release);
      }
      return gone;
    });
  }

  /** True while the type's claim is the placeholder (for tests and reports). */
  public boolean placeholder(BtfType type) {
    Optional<AllocatorRef> s = claims.get(type);
    return s != null && s.isEmpty();
  }

  private AllocatorRef claim(BtfType t, AllocatorRef a) {
    Optional<AllocatorRef> s = claims.getOrDefault(t, Optional.empty());
    if (s.isEmpty()) {
      if (mutation != Mutation.BTF_PLACEHOLDER_SLOT_REFERENCE) {
        ctx.acquire(a); // "replace the placeholder with the actual allocator"
      }
      claims.put(t, Optional.of(a));
      return a;
    }
    return s.get();
  }

  private LoadVerdict heldSameBtf(ProgramView p, Step put) {
    for (Step take : p.steps()) {
      LoadVerdict v = take.kind() == StepKind.TAKE_HOLD ? sameBtf(put, take.from().map(), take.from().type())
          : LoadVerdict.ACCEPT;
      if (!v.accepted()) {
        return v;
      }
    }
    return LoadVerdict.ACCEPT;
  }

  private LoadVerdict sameBtf(Step op, MapView from, BtfType fromType) {
    BtfType toType = op.to().type();
    if ((from.btf() != op.to().map().btf() || !fromType.sameAs(toType))
        && mutation != Mutation.BTF_PLACEHOLDER_MOVE_CHECK) {
      return LoadVerdict.reject("kptr_xchg from " + from.name() + " (" + fromType + ") into "
          + op.to().map().name() + " (" + toType + "): " + from.name() + "'s BTF must be " + op.to().map().name()
          + "'s BTF and the type ids the same (Alexei 08-29 23:03)");
    }
    return LoadVerdict.ACCEPT;
  }
}
