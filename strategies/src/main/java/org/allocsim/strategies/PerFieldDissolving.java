package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.params.ParameterSpec;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.OpKind;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/**
 * Design 2 as Delyan's seed ranks it: "per-field allocator tracking in the verifier and the ability to lose the
 * association once programs are unloaded and values are gone" (S12), built as his 08-30 20:31 refinement says:
 * "store the dependencies explicitly and propagate/dissolve them on program load/unload" (S11b).
 *
 * <p>Each program contributes edges: "Program X stores allocation from Y into map Z, field A", and "Program X
 * requires allocator for Y.A to equal allocator for Z.A" (MOVE, TAKE_HOLD then PUT_HELD); an inner map in an outer
 * map slot joins its fields to the template's ("+ a version for inner maps"). Fields joined by edges form a class
 * bound to one allocator; a load that would give a class two allocators is refused. Every field of a class a live
 * program refers to is bound, each binding holding a reference, so the move of S7 leaves its target bound. A binding
 * dissolves once no live program's class contains the field and the field holds no values: "stored values can
 * extend the lifetime of a dependency chain". Checked when a program is freed, on inner-map insert and delete, at map
 * free, and after values leave a field nobody refers to (a user-space delete).
 */
public final class PerFieldDissolving implements LifetimeStrategy {
  static final ParameterSpec UNLOAD_LIST_GROWTH = new ParameterSpec("per-field-dissolving.unload_list_growth",
      "false", "bool",
      "D2a: each program unload adds its allocators to the used_allocators of every kptr map it uses, never "
          + "trimmed until map free",
      "S6/S7: Alexei 08-29 16:45 and 17:26; S9: Delyan 08-30 01:40 'the used_allocators list ... can easily "
          + "skyrocket' (S5)");

  /** Null, or the rule a mutation test dropped. */
  Mutation mutation;
  private StrategyContext ctx;
  private ProgramAllocators allocators;
  private boolean listGrowth;
  private final Map<FieldKey, Integer> bound = new LinkedHashMap<>();
  private final Map<Program, Edges> edges = new LinkedHashMap<>();
  /** Bound fields in a class a live program refers to: values leaving them dissolve nothing. */
  private Set<FieldKey> anchored = Set.of();
  private boolean rebindPending;
  private final Map<BpfMap, Set<Integer>> usedLists = new LinkedHashMap<>();

  private record Store(FieldKey field, int allocator) {
  }

  private record Edges(Set<FieldKey> refers, List<Store> stores, List<FieldKey[]> equal) {
  }

  @Override
  public String name() {
    return "per-field-dissolving";
  }

  @Override
  public String rule() {
    return "verifier binds field classes to one allocator; edges per program; bindings dissolve when unused and empty";
  }

  @Override
  public String source() {
    return "Delyan 2022-08-31 17:38 seed, rank 2 (S12); Delyan 08-30 20:31 quoted in S11b; D2a: Alexei 08-29 (S6)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(UNLOAD_LIST_GROWTH);
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
    this.listGrowth = context.parameters().getBoolean(UNLOAD_LIST_GROWTH);
  }

  @Override
  public LoadVerdict verify(Program p) {
    LoadVerdict types = StoredTypes.namesMatch(p);
    if (!types.accepted()) {
      return types;
    }
    Edges e = edgesOf(p, false);
    FieldClasses c = liveClasses();
    for (Store s : e.stores()) {
      String conflict = c.assign(s.field(), s.allocator(), p);
      if (conflict != null) {
        return LoadVerdict.reject(conflict);
      }
    }
    for (FieldKey[] eq : e.equal()) {
      String conflict = c.union(eq[0], eq[1], p);
      if (conflict != null) {
        return LoadVerdict.reject(conflict);
      }
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public void onLoad(Program p) {
    allocators.load(p);
    edges.put(p, edgesOf(p, true));
    rebind();
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    return allocators.allocatorFor(program, operation);
  }

  @Override
  public int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
    Integer b = map == null ? null : bound.get(new FieldKey(map, field));
    if (b == null) {
      return headerAllocator;
    }
    if (!anchored.contains(new FieldKey(map, field)) && !rebindPending) {
      // A value left a field no live program refers to (user-space delete): it may dissolve once freed.
      rebindPending = true;
      ctx.after(0, () -> {
        rebindPending = false;
        rebind();
      });
    }
    return FieldKey.fits(ctx.allocator(b), ctx.objects().unitBytes(object)) ? b : headerAllocator;
  }

  @Override
  public void onUnload(Program p) {
    if (!listGrowth) {
      return;
    }
    // D2a as Delyan read it (S9): "loading and unloading a program in a loop would add its allocators to the
    // visible pinned maps". Only references are taken here; they go at map free.
    for (BpfMap m : p.usedMaps()) {
      if (!m.holdsKptrs()) {
        continue;
      }
      Set<Integer> list = usedLists.computeIfAbsent(m, k -> new LinkedHashSet<>());
      for (Operation op : p.operations()) {
        int a = allocators.allocatorFor(p, op);
        if (a >= 0 && list.add(a)) {
          ctx.acquire(a);
          ctx.chargeBookkeeping(1);
        }
      }
    }
  }

  @Override
  public void onProgramFreed(Program p) {
    edges.remove(p);
    rebind();
    allocators.programFreed(p);
  }

  @Override
  public LoadVerdict verifyInnerMapInsert(BpfMap outer, BpfMap inner) {
    FieldClasses c = liveClasses();
    for (int f = 0; f < outer.fieldCount() && mutation != Mutation.PER_FIELD_DISSOLVING_INNER_MAP_JOIN; f++) {
      String conflict = c.union(new FieldKey(outer, f), new FieldKey(inner, f), null);
      if (conflict != null) {
        return LoadVerdict.reject("inner map " + inner.name() + ": " + conflict);
      }
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public void onInnerMapInsert(BpfMap outer, long key, BpfMap inner) {
    rebind();
  }

  @Override
  public void onInnerMapDelete(BpfMap outer, long key, BpfMap inner) {
    rebind();
  }

  @Override
  public void onMapFree(BpfMap map) {
    List<FieldKey> gone = new ArrayList<>();
    bound.keySet().forEach(k -> {
      if (k.map() == map) {
        gone.add(k);
      }
    });
    for (FieldKey k : gone) {
      unhold(bound.remove(k)); // its values were dropped into this allocator already
    }
    Set<Integer> list = usedLists.remove(map);
    if (list != null) {
      list.forEach(ctx::release);
    }
    allocators.mapFreed(map);
    rebind();
  }

  @Override
  public void checkInvariants(InvariantSink sink) {
    allocators.check(sink);
    Map<Integer, Integer> refs = new HashMap<>();
    bound.forEach((k, a) -> {
      refs.merge(a, 1, Integer::sum);
      if (k.map().isFreed() || ctx.allocator(a).destroyed()) {
        sink.breach("binding " + k + " -> " + ctx.allocator(a).name() + " outlived its map or allocator");
      }
    });
    usedLists.forEach((m, list) -> list.forEach(a -> refs.merge(a, 1, Integer::sum)));
    refs.forEach((a, n) -> {
      if (ctx.references(a) < n) {
        sink.breach(ctx.allocator(a).name() + " has " + ctx.references(a) + " references for " + n + " holders");
      }
    });
    for (BpfMap m : ctx.world().maps()) {
      if (m.isFreed() || !m.holdsKptrs()) {
        continue;
      }
      int fields = m.fieldCount();
      m.slots().forEach((slot, obj) -> {
        FieldKey k = new FieldKey(m, (int) (slot % fields));
        Integer a = bound.get(k);
        if (a == null || a != ctx.objects().allocator(obj)) {
          sink.breach("object " + obj + " in " + k + " is from " + ctx.allocator(ctx.objects().allocator(obj)).name()
              + " but the field is bound to " + (a == null ? "nothing" : ctx.allocator(a).name()));
        }
      });
    }
  }

  /** Allocators in a map's D2a used_allocators list (grows with unload_list_growth, S5). */
  public int usedAllocatorCount(BpfMap map) {
    Set<Integer> list = usedLists.get(map);
    return list == null ? 0 : list.size();
  }

  /** The same for the live map of that name (tests hold names, not maps); 0 when there is none. */
  public int usedAllocatorCount(String mapName) {
    for (BpfMap m : ctx.world().maps()) {
      if (!m.isFreed() && m.name().equals(mapName)) {
        return usedAllocatorCount(m);
      }
    }
    return 0;
  }

  /** The allocator bound to a field, or -1. */
  public int boundAllocator(BpfMap map, int field) {
    Integer a = bound.get(new FieldKey(map, field));
    return a == null ? -1 : a;
  }

  /** The edges p brings; allocators as the verifier names them, or as loaded. */
  private Edges edgesOf(Program p, boolean loaded) {
    Set<FieldKey> refers = new LinkedHashSet<>();
    List<Store> stores = new ArrayList<>();
    List<FieldKey[]> equal = new ArrayList<>();
    List<FieldKey> held = new ArrayList<>();
    for (Operation op : p.operations()) {
      if (op.kind() == OpKind.TAKE_HOLD) {
        held.add(FieldKey.of(op.from()));
      }
    }
    for (Operation op : p.operations()) {
      FieldKey from = op.from() == null ? null : FieldKey.of(op.from());
      FieldKey to = op.to() == null ? null : FieldKey.of(op.to());
      if (from != null) {
        refers.add(from);
      }
      if (to != null) {
        refers.add(to);
      }
      switch (op.kind()) {
        case ALLOC_STORE -> {
          if (mutation != Mutation.PER_FIELD_DISSOLVING_STORE_EDGE) {
            stores.add(new Store(to, loaded ? allocators.allocatorFor(p, op) : allocators.named(p, op)));
          }
        }
        case MOVE -> {
          if (mutation != Mutation.PER_FIELD_DISSOLVING_MOVE_EDGE) {
            equal.add(new FieldKey[] {from, to});
          }
        }
        case PUT_HELD -> {
          if (mutation != Mutation.PER_FIELD_DISSOLVING_HELD_EDGE) {
            held.forEach(h -> equal.add(new FieldKey[] {h, to}));
          }
        }
        default -> {
        }
      }
    }
    return new Edges(refers, stores, equal);
  }

  /** Classes from the edges of programs not yet freed and from inner maps sitting in outer maps. */
  private FieldClasses liveClasses() {
    FieldClasses c = new FieldClasses(bound, allocators, ctx);
    for (Edges e : liveEdges()) {
      e.stores().forEach(s -> c.assign(s.field(), s.allocator(), null));
      e.equal().forEach(eq -> c.union(eq[0], eq[1], null));
    }
    for (BpfMap outer : ctx.world().maps()) {
      boolean joins = mutation != Mutation.PER_FIELD_DISSOLVING_INNER_MAP_JOIN;
      if (!outer.isFreed() && outer.type().isMapInMap() && joins) {
        outer.slots().forEach((slot, innerId) -> {
          BpfMap inner = ctx.world().maps().get(innerId);
          for (int f = 0; f < outer.fieldCount(); f++) {
            c.union(new FieldKey(outer, f), new FieldKey(inner, f), null);
          }
        });
      }
    }
    return c;
  }

  /**
   * Edges of programs that may still run: loaded, or unloaded and waiting for their grace period. A program being
   * freed releases its used maps before {@link #onProgramFreed}; its edges are gone by then.
   */
  private List<Edges> liveEdges() {
    List<Edges> out = new ArrayList<>();
    edges.forEach((p, e) -> {
      if (p.state() != Program.State.UNLOADED) {
        out.add(e);
      }
    });
    return out;
  }

  /** Binds every field of a class a live program refers to; dissolves bindings nobody needs. */
  private void rebind() {
    FieldClasses c = liveClasses();
    Set<FieldKey> referred = new HashSet<>();
    liveEdges().forEach(e -> e.refers().forEach(k -> referred.add(c.find(k))));
    Set<FieldKey> fields = new LinkedHashSet<>(c.fields());
    fields.addAll(bound.keySet());
    Set<FieldKey> nowAnchored = new HashSet<>();
    for (FieldKey k : fields) {
      FieldKey root = c.find(k);
      Integer a = c.allocatorOf(root);
      if (k.map().isFreed()) {
        continue; // onMapFree dropped its bindings
      }
      if (referred.contains(root)) {
        if (a != null && !bound.containsKey(k)) {
          hold(a);
          bound.put(k, a);
        }
        if (bound.containsKey(k)) {
          nowAnchored.add(k);
        }
      } else if (bound.containsKey(k) && !hasValues(k)) {
        unhold(bound.remove(k)); // "lose the association once programs are unloaded and values are gone"
      }
    }
    anchored = nowAnchored;
  }

  /** Whether any value of the map holds an object in that field (a walk, charged per value visited). */
  private boolean hasValues(FieldKey k) {
    BpfMap m = k.map();
    if (m.isFreed() || !m.holdsKptrs()) {
      return false;
    }
    int fields = m.fieldCount();
    long[] found = new long[2];
    m.slots().forEach((slot, obj) -> {
      found[1]++;
      if (slot % fields == k.field()) {
        found[0]++;
      }
    });
    ctx.chargeBookkeeping(found[1]);
    return found[0] > 0;
  }

  /** A binding's reference on its allocator (none in the mutant without it). */
  private void hold(int allocator) {
    if (mutation != Mutation.PER_FIELD_DISSOLVING_BINDING_REFERENCE) {
      ctx.acquire(allocator);
    }
  }

  private void unhold(int allocator) {
    if (mutation != Mutation.PER_FIELD_DISSOLVING_BINDING_REFERENCE) {
      ctx.release(allocator);
    }
  }
}
