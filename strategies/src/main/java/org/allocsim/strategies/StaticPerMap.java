package org.allocsim.strategies;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ScenarioException;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.MapType;
import org.allocsim.world.OpKind;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

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
 * allocation uses the first kptr map of the program.
 */
public final class StaticPerMap implements LifetimeStrategy {
  /** Null, or the rule a mutation test dropped. */
  Mutation mutation;
  /** Maps whose named kptr_allocator the mutant without the map reference did not take. */
  private final java.util.Set<BpfMap> unheld = new java.util.HashSet<>();
  private static final int NONE = -1;

  private StrategyContext ctx;
  private final Map<BpfMap, Integer> kptrAllocator = new LinkedHashMap<>();
  private final Map<BpfMap, Integer> elemAllocator = new LinkedHashMap<>();

  @Override
  public String name() {
    return "static-per-map";
  }

  @Override
  public String rule() {
    return "each kptr map holds one kptr_allocator until freed; verifier refuses objects from any other allocator";
  }

  @Override
  public String source() {
    return "Alexei 2022-08-30 18:52 (S11b); inner maps: Alexei 2022-08-31 13:38 (S16)";
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
  }

  @Override
  public void onMapsCreated(List<BpfMap> created, Map<String, BpfMap> objectMaps) {
    for (BpfMap m : created) {
      if (m.fieldCount() == 0) {
        continue;
      }
      String named = m.spec().kptrAllocator();
      if (named == null && m.spec().innerTemplate() != null) {
        named = m.spec().innerTemplate().kptrAllocator();
      }
      int a;
      if (named != null) {
        a = ctx.allocatorOf(allocatorMap(m, named, objectMaps));
        if (mutation == Mutation.STATIC_PER_MAP_MAP_REFERENCE) {
          unheld.add(m);
        } else {
          ctx.acquire(a); // "the map will take reference of allocator and will keep it until destruction"
        }
      } else {
        a = ctx.createAllocator(m.name() + "#" + m.id() + ".kptr_allocator", 0);
      }
      kptrAllocator.put(m, a);
    }
  }

  @Override
  public int elementAllocator(BpfMap map, Map<String, BpfMap> objectMaps) {
    String named = map.spec().elemAllocator();
    if (named == null) {
      return NONE;
    }
    int a = ctx.allocatorOf(allocatorMap(map, named, objectMaps));
    ctx.acquire(a); // shared elem_allocator: "the prog writers can share the same allocator across multiple hash maps"
    elemAllocator.put(map, a);
    return a;
  }

  @Override
  public LoadVerdict verify(Program p) {
    LoadVerdict types = StoredTypes.namesMatch(p);
    if (!types.accepted()) {
      return types;
    }
    for (Operation op : p.operations()) {
      int source = op.kind().allocates() ? allocatorFor(p, op) : NONE;
      if (op.kind().allocates() && source == NONE) {
        return LoadVerdict.reject("bpf_mem_alloc: no allocator for " + op + " (no kptr_allocator in reach)");
      }
      if (op.kind() == OpKind.ALLOC_STORE && !Integer.valueOf(source).equals(kptrAllocator.get(op.to().map()))
          && mutation != Mutation.STATIC_PER_MAP_STORE_CHECK) {
        return LoadVerdict.reject("object from allocator " + ctx.allocator(source).name() + " but map "
            + op.to().map().name() + "'s kptr_allocator is " + nameOf(kptrAllocator.get(op.to().map())));
      }
      if (op.kind() == OpKind.MOVE) {
        LoadVerdict v = sameAllocator(op.from().map(), op.to().map());
        if (!v.accepted()) {
          return v;
        }
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
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public int allocatorFor(Program p, Operation op) {
    Integer a = switch (op.source()) {
      case ALLOCATOR_MAP -> ctx.allocatorOf(op.sourceMap());
      case MAP_KPTR -> kptrAllocator.get(op.sourceMap());
      case MAP_ELEM -> op.sourceMap().elementAllocator() >= 0 ? op.sourceMap().elementAllocator()
          : kptrAllocator.get(op.sourceMap());
      case DEFAULT -> op.to() != null ? kptrAllocator.get(op.to().map()) : firstKptrAllocator(p);
    };
    return a == null ? NONE : a;
  }

  @Override
  public int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
    Integer a = map == null ? null : kptrAllocator.get(map);
    // "free kptrs into the map's kptr_allocator"; the verifier made it the header's allocator too.
    return a != null && FieldKey.fits(ctx.allocator(a), ctx.objects().unitBytes(object)) ? a : headerAllocator;
  }

  @Override
  public LoadVerdict verifyInnerMapInsert(BpfMap outer, BpfMap inner) {
    Integer template = kptrAllocator.get(outer);
    Integer own = kptrAllocator.get(inner);
    if (template != null && !template.equals(own)) {
      // "The same allocator for all inner maps would be a part of the requirement."
      return LoadVerdict.reject("inner map " + inner.name() + "'s kptr_allocator " + nameOf(own)
          + " differs from the template's " + nameOf(template));
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public void onMapFree(BpfMap map) {
    Integer a = kptrAllocator.remove(map);
    if (a != null && !unheld.remove(map)) {
      ctx.release(a);
    }
    Integer e = elemAllocator.remove(map);
    if (e != null) {
      ctx.release(e);
    }
  }

  @Override
  public void checkInvariants(InvariantSink sink) {
    Map<Integer, Integer> refs = new HashMap<>();
    for (Map<BpfMap, Integer> held : List.of(kptrAllocator, elemAllocator)) {
      held.forEach((m, a) -> {
        refs.merge(a, 1, Integer::sum);
        if (m.isFreed() || ctx.allocator(a).destroyed()) {
          sink.breach(m + " holds " + ctx.allocator(a).name() + " after one of them went");
        }
      });
    }
    refs.forEach((a, n) -> {
      if (ctx.references(a) < n) {
        sink.breach(ctx.allocator(a).name() + " has " + ctx.references(a) + " references for " + n + " maps");
      }
    });
    kptrAllocator.forEach((m, a) -> {
      if (m.holdsKptrs()) {
        m.slots().forEach((slot, obj) -> {
          if (ctx.objects().allocator(obj) != a) {
            sink.breach("object " + obj + " in " + m + " is not from its kptr_allocator " + ctx.allocator(a).name());
          }
        });
      }
    });
  }

  /** The kptr_allocator of a map, or -1 (for tests and reports). */
  public int kptrAllocatorOf(BpfMap map) {
    Integer a = kptrAllocator.get(map);
    return a == null ? NONE : a;
  }

  private LoadVerdict sameAllocator(BpfMap from, BpfMap to) {
    Integer a = kptrAllocator.get(from);
    Integer b = kptrAllocator.get(to);
    if (a != null && a.equals(b) || mutation == Mutation.STATIC_PER_MAP_MOVE_CHECK) {
      return LoadVerdict.ACCEPT;
    }
    return LoadVerdict.reject("kptr_xchg from " + from.name() + " (kptr_allocator " + nameOf(a) + ") into "
        + to.name() + " (kptr_allocator " + nameOf(b) + "): objects must come from the destination's allocator");
  }

  private Integer firstKptrAllocator(Program p) {
    for (BpfMap m : p.usedMaps()) {
      Integer a = kptrAllocator.get(m);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private String nameOf(Integer a) {
    return a == null ? "(none)" : ctx.allocator(a).name();
  }

  /** The allocator map a definition names: one of the same object load, else the newest live one of that name. */
  private BpfMap allocatorMap(BpfMap m, String name, Map<String, BpfMap> objectMaps) {
    BpfMap found = objectMaps.get(name);
    List<BpfMap> all = ctx.world().maps();
    for (int i = all.size() - 1; found == null && i >= 0; i--) {
      BpfMap c = all.get(i);
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
