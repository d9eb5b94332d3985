package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.btf.BtfType;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.BpfMap;
import org.allocsim.world.OpKind;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/**
 * The placeholder variant (Alexei 2022-08-29 23:03, docs/designs.md): used_allocator moves from the map into
 * BTF, "since BTF is the root of this dependency chain". The first program that allocates a type adds the
 * {allocator, btf_id} pair to the BTF object; one that only takes or moves installs a
 * unique_allocator_placeholder, and its kptr_xchg() returns NULL until an allocating program replaces it. A slot once
 * claimed stays until the BTF object is freed (Delyan's objection, S11b / S8), when the allocator reference goes:
 * "btf_put(map->btf) would need to move after ops->map_free". A move needs "M1's BTF == M2's BTF and id-s are
 * same"; frees use the slot's allocator (the hidden {@code ma} argument).
 *
 * <p>Allocation without a named allocator (bpf_obj_new) uses the slot's allocator, creating one for the slot if
 * it holds none. Allocator maps and map-exposed allocators resolve as {@link ProgramAllocators} says. An inner map
 * must carry its outer map's BTF object: its fields are matched by BTF identity like a move's.
 */
public final class BtfPlaceholder implements LifetimeStrategy {
  /** Null, or the rule a mutation test dropped. */
  Mutation mutation;
  /** unique_allocator_placeholder: claimed by a program that takes or moves but never allocates. */
  private static final int PLACEHOLDER = -1;

  private StrategyContext ctx;
  private ProgramAllocators allocators;
  /** BTF->used_allocator by type (BTF object and struct); real slots hold one reference each. */
  private final Map<BtfType, Integer> slots = new LinkedHashMap<>();
  private final Map<Program, int[]> resolved = new HashMap<>();

  @Override
  public String name() {
    return "btf-placeholder";
  }

  @Override
  public String rule() {
    return "first allocator per (BTF object, type) wins until the BTF is freed; takers get a NULL placeholder";
  }

  @Override
  public String source() {
    return "Alexei 2022-08-29 23:03 (S11), Delyan's objection quoted in Alexei 08-30 18:52 (S11b)";
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
  }

  @Override
  public LoadVerdict verify(Program p) {
    Map<BtfType, Integer> mine = new HashMap<>();
    for (Operation op : p.operations()) {
      if (op.kind() == OpKind.ALLOC_STORE && !op.allocType().sameAs(op.to().type())) {
        return LoadVerdict.reject("invalid kptr access: type=ptr_" + op.allocType().name() + " ("
            + op.allocType().btf().name() + ") expected=ptr_" + op.to().type().name() + " ("
            + op.to().type().btf().name() + ")");
      }
      if (op.kind() == OpKind.MOVE) {
        LoadVerdict v = sameBtf(op, op.from().map(), op.from().type());
        if (!v.accepted()) {
          return v;
        }
      }
      if (op.kind() == OpKind.PUT_HELD) {
        for (Operation take : p.operations()) {
          LoadVerdict v = take.kind() == OpKind.TAKE_HOLD ? sameBtf(op, take.from().map(), take.from().type())
              : LoadVerdict.ACCEPT;
          if (!v.accepted()) {
            return v;
          }
        }
      }
      if (op.kind().allocates() && op.source() != AllocSource.Kind.DEFAULT) {
        int a = allocators.named(p, op);
        Integer claimed = slots.get(op.allocType());
        Integer b = claimed != null && claimed != PLACEHOLDER ? claimed : mine.get(op.allocType());
        if (b != null && b != a) {
          return LoadVerdict.reject("struct " + op.allocType().name() + " of " + op.allocType().btf().name()
              + " is already claimed by allocator " + allocators.describe(p, b) + ", not "
              + allocators.describe(p, a) + " (BTF used_allocator)");
        }
        mine.putIfAbsent(op.allocType(), a);
      }
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public void onLoad(Program p) {
    int[] table = new int[p.operationCount()];
    Arrays.fill(table, -1);
    // Named allocators first, so that a bpf_obj_new of the same type in this program uses the one it claims.
    for (Operation op : p.operations()) {
      if (op.kind().allocates() && op.source() != AllocSource.Kind.DEFAULT) {
        table[op.index()] = claim(op.allocType(), allocators.instantiate(p, op));
      }
    }
    for (Operation op : p.operations()) {
      if (op.kind().allocates() && op.source() == AllocSource.Kind.DEFAULT) {
        Integer s = slots.get(op.allocType());
        if (s == null || s == PLACEHOLDER) {
          BtfType t = op.allocType();
          s = ctx.createAllocator(t.name() + "@" + t.btf().name() + ".ma", 0);
          slots.put(t, s); // the slot owns the creation reference
        }
        table[op.index()] = s;
      }
      if (op.kind().takes()) {
        slots.putIfAbsent(op.from().type(), PLACEHOLDER); // {unique_allocator_placeholder, btf_id}
      }
    }
    resolved.put(p, table);
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    int[] table = resolved.get(program);
    return table == null ? -1 : table[operation.index()];
  }

  @Override
  public boolean takeReturnsObject(Program program, Operation operation) {
    // "Since nothing can allocate into that kptr local those kptr_xchg() in P1 and P3 will be returning NULL."
    Integer s = slots.get(operation.from().type());
    return s == null || s != PLACEHOLDER;
  }

  @Override
  public int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
    Integer s = map == null ? null : slots.get(map.fieldType(field));
    if (s == null || s == PLACEHOLDER || !FieldKey.fits(ctx.allocator(s), ctx.objects().unitBytes(object))) {
      return headerAllocator;
    }
    return s;
  }

  @Override
  public LoadVerdict verifyInnerMapInsert(BpfMap outer, BpfMap inner) {
    if (outer.fieldCount() > 0 && inner.btf() != outer.btf()) {
      return LoadVerdict.reject("inner map " + inner.name() + " carries " + inner.btf().name() + " but "
          + outer.name() + "'s kptr types live in " + outer.btf().name() + " (M1's BTF == M2's BTF)");
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public void onProgramFreed(Program p) {
    allocators.programFreed(p);
  }

  @Override
  public void onMapFree(BpfMap map) {
    allocators.mapFreed(map);
  }

  @Override
  public void onBtfFree(BtfObject btf) {
    List<BtfType> gone = new ArrayList<>();
    slots.keySet().forEach(t -> {
      if (t.btf() == btf) {
        gone.add(t);
      }
    });
    for (BtfType t : gone) {
      int a = slots.remove(t);
      if (a != PLACEHOLDER && mutation != Mutation.BTF_PLACEHOLDER_SLOT_REFERENCE) {
        ctx.release(a); // "we decrement allocator refcnt only when BTF is freed"
      }
    }
  }

  @Override
  public void checkInvariants(InvariantSink sink) {
    allocators.check(sink);
    Map<Integer, Integer> refs = new HashMap<>();
    slots.forEach((t, a) -> {
      if (t.btf().isFreed()) {
        sink.breach("used_allocator slot of " + t + " survived its BTF object");
      }
      if (a != PLACEHOLDER) {
        refs.merge(a, 1, Integer::sum);
        if (ctx.allocator(a).destroyed()) {
          sink.breach("slot of " + t + " names destroyed allocator " + ctx.allocator(a).name());
        }
      }
    });
    refs.forEach((a, n) -> {
      if (ctx.references(a) < n) {
        sink.breach(ctx.allocator(a).name() + " has " + ctx.references(a) + " references for " + n + " slots");
      }
    });
    for (BpfMap m : ctx.world().maps()) {
      if (!m.isFreed() && m.holdsKptrs()) {
        int fields = m.fieldCount();
        m.slots().forEach((slot, obj) -> {
          Integer s = slots.get(m.fieldType((int) (slot % fields)));
          if (s == null || s != ctx.objects().allocator(obj)) {
            sink.breach("object " + obj + " in " + m + " is not from its type's claimed allocator");
          }
        });
      }
    }
  }

  /** True while the type's slot holds the placeholder (for tests and reports). */
  public boolean placeholder(BtfType type) {
    Integer s = slots.get(type);
    return s != null && s == PLACEHOLDER;
  }

  private int claim(BtfType t, int a) {
    Integer s = slots.get(t);
    if (s == null || s == PLACEHOLDER) {
      if (mutation != Mutation.BTF_PLACEHOLDER_SLOT_REFERENCE) {
        ctx.acquire(a); // "replace the placeholder with the actual allocator"
      }
      slots.put(t, a);
      return a;
    }
    return s;
  }

  private LoadVerdict sameBtf(Operation op, BpfMap from, BtfType fromType) {
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
