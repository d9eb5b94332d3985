package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ScenarioException;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.MapAllocator;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.MapType;
import org.allocsim.world.MapView;
import org.allocsim.world.OpKind;
import org.allocsim.world.Operation;
import org.allocsim.world.ProgramView;

/**
 * Design 3 (Alexei 2022-08-30 18:52, docs/designs.md): "every map has an allocator; expose that allocator to
 * progs; allow sharing of allocators between maps". A map with kptr fields gets a kptr_allocator at creation, the
 * allocator map its definition names ({@code .kptr_allocator = { &ma }}) or an implicit one, and "will keep it until
 * destruction". "The verifier will make sure that kptr_xchg-ed objects come only from that allocator", so the
 * allocator of every stored object is known statically and map free returns objects to the map's kptr_allocator.
 * Nothing happens at program unload. An outer map's kptr_allocator is its template's; an inner map with another one
 * is refused (Alexei 08-31 13:38, S4/S16).
 *
 * <p>Allocation sources resolve statically: an allocator map to its allocator, {@code &m->kptr_allocator} to m's,
 * {@code &m->elem_allocator} to m's element allocator (without one, the implicit allocator serves both, as Alexei's
 * last example says), and bpf_obj_new without an allocator to the destination map's kptr_allocator; a dropped-only
 * allocation uses the first kptr map of the program. Answers change on MapsCreated and MapFreed.
 */
@Design(name = "static-per-map",
    rule = "each kptr map holds one kptr_allocator until freed; verifier refuses objects from any other allocator",
    source = "Alexei 2022-08-30 18:52 (S11b); inner maps: Alexei 2022-08-31 13:38 (S16)",
    newObjects = "Design 3 extended to roots (choice): everything a map value holds, in a kptr field or a graph "
        + "root, must come from that map's kptr_allocator; a refcounted object in two maps with different "
        + "kptr_allocators is refused, as is a node from another allocator; moving between a root and a "
        + "field needs the same allocator on both maps. Percpu objects come from the kernel's "
        + "bpf_global_percpu_ma, which the design is not asked about (the thread predates them; choice). A "
        + "refcounted object is freed when its last reference goes, into the allocator the design names "
        + "for the place that reference left. ")
public final class StaticPerMap implements LifetimeStrategy {
  private StrategyContext ctx;
  private final Map<MapView, AllocatorRef> kptrAllocator = new LinkedHashMap<>();
  private final Map<MapView, AllocatorRef> elemAllocator = new LinkedHashMap<>();

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
  }

  private void mapsCreated(List<? extends MapView> created, Map<String, ? extends MapView> objectMaps) {
    for (MapView m : created) {
      if (m.fieldCount() == 0 && m.graphRootCount() == 0) {
        continue;
      }
      String named = m.spec().kptrAllocator();
      if (named == null && m.spec().innerTemplate() != null) {
        named = m.spec().innerTemplate().kptrAllocator();
      }
      AllocatorRef a;
      if (named != null) {
        a = ctx.allocatorOf(allocatorMap(m, named, objectMaps));
        ctx.acquire(a); // "the map will take reference of allocator and will keep it until destruction"
      } else {
        a = ctx.createAllocator(m.name() + "#" + m.id() + ".kptr_allocator");
      }
      kptrAllocator.put(m, a);
    }
  }

  @Override
  public AllocatorRef mapAllocator(MapView map, MapAllocator role, Map<String, ? extends MapView> objectMaps) {
    String named = map.spec().elemAllocator();
    if (role != MapAllocator.ELEMENTS || named == null) {
      return null;
    }
    AllocatorRef a = ctx.allocatorOf(allocatorMap(map, named, objectMaps));
    ctx.acquire(a); // shared elem_allocator: "the prog writers can share the same allocator across multiple hash maps"
    elemAllocator.put(map, a);
    return a;
  }

  @Override
  public LoadVerdict verify(Verification question) {
    if (question instanceof Verification.InnerMapInsert insert) {
      AllocatorRef template = kptrAllocator.get(insert.outer());
      AllocatorRef own = kptrAllocator.get(insert.inner());
      // "The same allocator for all inner maps would be a part of the requirement."
      return template == null || template.equals(own) ? LoadVerdict.ACCEPT : LoadVerdict.reject("inner map "
          + insert.inner().name() + "'s kptr_allocator " + nameOf(own) + " differs from the template's "
          + nameOf(template));
    }
    ProgramView p = ((Verification.ProgramLoad) question).program();
    LoadVerdict verdict = StoredTypes.namesMatch(p);
    for (int i = 0; verdict.accepted() && i < p.operationCount(); i++) {
      verdict = verifyStep(p, p.operation(i));
    }
    return verdict;
  }

  private LoadVerdict verifyStep(ProgramView p, Operation op) {
    if (op.kind().percpu()) {
      return LoadVerdict.ACCEPT; // bpf_global_percpu_ma is the kernel's in every design
    }
    AllocatorRef source = op.kind().allocates() ? allocatorFor(p, op) : null;
    if (op.kind().allocates() && source == null) {
      return LoadVerdict.reject("bpf_mem_alloc: no allocator for " + op + " (no kptr_allocator in reach)");
    }
    List<MapView> into = new ArrayList<>();
    Destinations.ofAllocation(op).forEach(f -> into.add(f.map()));
    if (op.kind() == OpKind.NEW_ADD) {
      into.add(op.root().map()); // design 3 on roots: a map's kptr_allocator serves all its value holds
      if (op.acquireRoot() != null) {
        into.add(op.acquireRoot().map());
      }
    }
    for (MapView m : into) {
      if (!source.equals(kptrAllocator.get(m))) {
        return LoadVerdict.reject("object from allocator " + source.name() + " but map " + m.name()
            + "'s kptr_allocator is " + nameOf(kptrAllocator.get(m)));
      }
    }
    if (op.kind() == OpKind.MOVE) {
      return sameAllocator(op.from().map(), op.to().map());
    }
    if (op.kind() == OpKind.TAKE_ADD) {
      return sameAllocator(op.from().map(), op.root().map());
    }
    if (op.kind() == OpKind.REMOVE_STORE) {
      return sameAllocator(op.root().map(), op.to().map());
    }
    if (op.kind() == OpKind.PUT_HELD) {
      for (Operation take : p.operations()) {
        LoadVerdict v = take.kind() == OpKind.TAKE_HOLD ? sameAllocator(take.from().map(), op.to().map())
            : LoadVerdict.ACCEPT;
        if (!v.accepted()) {
          return v;
        }
      }
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView p, Operation op) {
    return switch (op.source()) {
      case ALLOCATOR_MAP -> ctx.allocatorOf(op.sourceMap());
      case MAP_KPTR -> kptrAllocator.get(op.sourceMap());
      case MAP_ELEM -> ctx.elementAllocatorOf(op.sourceMap()) != null ? ctx.elementAllocatorOf(op.sourceMap())
          : kptrAllocator.get(op.sourceMap());
      case DEFAULT -> op.to() != null ? kptrAllocator.get(op.to().map())
          : op.root() != null ? kptrAllocator.get(op.root().map()) : firstKptrAllocator(p);
    };
  }

  @Override
  public AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    AllocatorRef a = map == null ? null : kptrAllocator.get(map);
    // "free kptrs into the map's kptr_allocator"; the verifier made it the header's allocator too.
    return a != null && a.fits(ctx.unitBytes(object)) ? a : header;
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.MapsCreated e) {
      mapsCreated(e.created(), e.objectMaps());
    } else if (event instanceof LifecycleEvent.MapFreed e) {
      AllocatorRef a = kptrAllocator.remove(e.map());
      if (a != null) {
        ctx.release(a);
      }
      AllocatorRef el = elemAllocator.remove(e.map());
      if (el != null) {
        ctx.release(el);
      }
    } else if (event instanceof LifecycleEvent.RunEnded e) {
      Invariants check = new Invariants(ctx, e.sink());
      for (Map<MapView, AllocatorRef> held : List.of(kptrAllocator, elemAllocator)) {
        held.forEach((m, a) -> {
          check.holds(a);
          check.require(!m.isFreed() && !a.destroyed(), m + " holds " + a + " after one of them went");
        });
      }
      check.referencesCoverHolders("maps");
      check.storedObjectsFrom((m, field) -> kptrAllocator.get(m), "its kptr_allocator");
    }
  }

  private LoadVerdict sameAllocator(MapView from, MapView to) {
    AllocatorRef a = kptrAllocator.get(from);
    AllocatorRef b = kptrAllocator.get(to);
    if (a != null && a.equals(b)) {
      return LoadVerdict.ACCEPT;
    }
    return LoadVerdict.reject("kptr_xchg from " + from.name() + " (kptr_allocator " + nameOf(a) + ") into "
        + to.name() + " (kptr_allocator " + nameOf(b) + "): objects must come from the destination's allocator");
  }

  private AllocatorRef firstKptrAllocator(ProgramView p) {
    for (MapView m : p.usedMaps()) {
      AllocatorRef a = kptrAllocator.get(m);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static String nameOf(AllocatorRef a) {
    return a == null ? "(none)" : a.name();
  }

  /** The allocator map a definition names: one of the same object load, else the newest live one of that name. */
  private MapView allocatorMap(MapView m, String name, Map<String, ? extends MapView> objectMaps) {
    MapView found = objectMaps.get(name);
    List<? extends MapView> all = ctx.maps();
    for (int i = all.size() - 1; found == null && i >= 0; i--) {
      MapView c = all.get(i);
      if (!c.isFreed() && c.type() == MapType.ALLOCATOR && c.name().equals(name)) {
        found = c;
      }
    }
    if (found == null || found.type() != MapType.ALLOCATOR || found.isFreed()) {
      throw new ScenarioException("map " + m.name() + ": " + name + " is not an allocator map of this load");
    }
    return found;
  }
}
