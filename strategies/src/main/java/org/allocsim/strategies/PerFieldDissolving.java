package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.params.ParameterSpec;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.MapView;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * Design 2 as Delyan's seed ranks it: "per-field allocator tracking in the verifier and the ability to lose the
 * association once programs are unloaded and values are gone" (S12), built as his 08-30 20:31 refinement says:
 * "store the dependencies explicitly and propagate/dissolve them on program load/unload" (S11b).
 *
 * <p>Each program contributes {@link ProgramEdges}; an inner map in an outer map slot joins its fields to the
 * template's ("+ a version for inner maps"). Fields joined by edges form a class bound to one allocator; a load that
 * would give a class two allocators is refused. Every field of a class a live program refers to is bound, each
 * binding holding a reference, so the move of S7 leaves its target bound. A binding dissolves once no live
 * program's class contains the field and the field holds no values: "stored values can extend the lifetime of a
 * dependency chain". Checked when a program is freed, on inner-map insert and delete, at map free, and after values
 * leave a field nobody refers to (a user-space delete). Free targets change on every one of those events.
 */
@Design(name = "per-field-dissolving",
    rule = "verifier binds field classes to one allocator; edges per program; bindings dissolve when unused and empty",
    source = "Delyan 2022-08-31 17:38 seed, rank 2 (S12); Delyan 08-30 20:31 quoted in S11b; D2a: Alexei 08-29 (S6)",
    newObjects = "As per-field: the dependency graph has kptr fields as nodes; an acquired second reference adds "
        + "a store edge to its field; graph roots are not in the graph (choice), so nodes in a tree of "
        + "another map do not keep their allocator. Percpu objects come from the kernel's "
        + "bpf_global_percpu_ma, which the design is not asked about (the thread predates them; choice). A "
        + "refcounted object is freed when its last reference goes, into the allocator the design names "
        + "for the place that reference left. ")
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
  private UsedAllocators usedLists;
  private boolean listGrowth;
  private FieldBindings bound;
  private final Map<ProgramView, ProgramEdges> edges = new LinkedHashMap<>();
  /** Bound fields in a class a live program refers to: values leaving them dissolve nothing. */
  private Set<FieldKey> anchored = Set.of();
  private boolean rebindPending;

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
    this.usedLists = new UsedAllocators(context);
    this.bound = new FieldBindings(context, mutation != Mutation.PER_FIELD_DISSOLVING_BINDING_REFERENCE);
    this.listGrowth = context.parameters().getBoolean(UNLOAD_LIST_GROWTH);
  }

  @Override
  public LoadVerdict verify(Verification question) {
    FieldClasses c = liveClasses();
    if (question instanceof Verification.InnerMapInsert i) {
      for (int f = 0; f < i.outer().fieldCount() && mutation != Mutation.PER_FIELD_DISSOLVING_INNER_MAP_JOIN; f++) {
        String conflict = c.union(new FieldKey(i.outer(), f), new FieldKey(i.inner(), f), null);
        if (conflict != null) {
          return LoadVerdict.reject("inner map " + i.inner().name() + ": " + conflict);
        }
      }
      return LoadVerdict.ACCEPT;
    }
    ProgramView p = ((Verification.ProgramLoad) question).program();
    LoadVerdict types = StoredTypes.namesMatch(p);
    if (!types.accepted()) {
      return types;
    }
    String conflict = ProgramEdges.of(p, allocators::named, mutation).addTo(c, p);
    return conflict == null ? LoadVerdict.ACCEPT : LoadVerdict.reject(conflict);
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Step step) {
    return allocators.allocatorFor(program, step);
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Loaded e) {
      allocators.load(e.program());
      edges.put(e.program(), ProgramEdges.of(e.program(),
          op -> new AllocatorName.Existing(allocators.allocatorFor(e.program(), op)), mutation));
      rebind();
    } else if (event instanceof LifecycleEvent.Unloaded e) {
      if (listGrowth) {
        usedLists.addAllocatorsOf(e.program(), allocators); // D2a as Delyan read it (S9)
      }
    } else if (event instanceof LifecycleEvent.ProgramFreed e) {
      edges.remove(e.program());
      rebind();
      allocators.programFreed(e.program());
    } else if (event instanceof LifecycleEvent.InnerMapInserted || event instanceof LifecycleEvent.InnerMapDeleted) {
      rebind();
    } else if (event instanceof LifecycleEvent.KptrDropped e) {
      kptrDropped(new FieldKey(e.map(), e.field()));
    } else if (event instanceof LifecycleEvent.MapFreed e) {
      mapFreed(e.map());
    } else if (event instanceof LifecycleEvent.RunEnded e) {
      Invariants check = new Invariants(ctx, e.sink());
      allocators.check(check);
      bound.check(check);
      usedLists.check(check);
      check.referencesCoverHolders("holders");
      check.storedObjectsFrom((m, f) -> bound.get(new FieldKey(m, f)), "the field's binding");
    }
  }

  @Override
  public AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    return bound.freeTarget(object, header, map, field);
  }

  /** A value leaves a field no live program refers to (user-space delete): it may dissolve once freed. */
  private void kptrDropped(FieldKey k) {
    if (bound.contains(k) && !anchored.contains(k) && !rebindPending) {
      rebindPending = true;
      ctx.after(0, () -> {
        rebindPending = false;
        rebind();
      });
    }
  }

  private void mapFreed(MapView map) {
    bound.mapFreed(map); // its values were dropped into these allocators already
    usedLists.mapFreed(map);
    allocators.mapFreed(map);
    rebind();
  }

  /** Allocators in a map's D2a used_allocators list (grows with unload_list_growth, S5); 0 for no live map. */
  public int usedAllocatorCount(String mapName) {
    return usedLists.count(mapName);
  }

  /** Classes from the edges of programs not yet freed and from inner maps sitting in outer maps. */
  private FieldClasses liveClasses() {
    FieldClasses c = new FieldClasses(bound.asMap());
    liveEdges().forEach(e -> e.addAll(c));
    List<? extends MapView> maps = ctx.maps();
    for (MapView outer : maps) {
      if (!outer.isFreed() && outer.type().isMapInMap() && mutation != Mutation.PER_FIELD_DISSOLVING_INNER_MAP_JOIN) {
        outer.forEachStored((slot, innerId) -> {
          MapView inner = maps.get(innerId);
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
   * freed releases its used maps before {@link LifecycleEvent.ProgramFreed}; its edges are gone by then.
   */
  private List<ProgramEdges> liveEdges() {
    List<ProgramEdges> out = new ArrayList<>();
    edges.forEach((p, e) -> {
      if (!p.isFreed()) {
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
    fields.addAll(bound.fields());
    Set<FieldKey> nowAnchored = new HashSet<>();
    for (FieldKey k : fields) {
      FieldKey root = c.find(k);
      AllocatorName a = c.allocatorOf(root);
      if (k.map().isFreed()) {
        continue; // mapFreed dropped its bindings
      }
      if (referred.contains(root)) {
        if (a != null && !bound.contains(k)) {
          bound.bind(k, ((AllocatorName.Existing) a).ref());
        }
        if (bound.contains(k)) {
          nowAnchored.add(k);
        }
      } else if (bound.contains(k) && !k.hasValues(ctx)) {
        bound.dissolve(k); // "lose the association once programs are unloaded and values are gone"
      }
    }
    anchored = nowAnchored;
  }
}
