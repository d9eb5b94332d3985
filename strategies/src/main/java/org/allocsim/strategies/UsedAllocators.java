package org.allocsim.strategies;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.MapView;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * M.used_allocators lists, each entry holding a reference until map free: the first proposal's unload walk (S2) and
 * D2a's list growth (S6, S5).
 */
final class UsedAllocators {
  private final StrategyContext ctx;
  private final Map<MapView, Set<AllocatorRef>> lists = new LinkedHashMap<>();

  UsedAllocators(StrategyContext ctx) {
    this.ctx = ctx;
  }

  /** Adds a to map's list, taking a reference, unless already there; returns whether it was added. */
  boolean add(MapView map, AllocatorRef a) {
    if (!lists.computeIfAbsent(map, k -> new LinkedHashSet<>()).add(a)) {
      return false;
    }
    ctx.acquire(a); // refcount_inc + add
    return true;
  }

  /** Makes sure map has a list (an empty one counts as walked). */
  void touch(MapView map) {
    lists.computeIfAbsent(map, k -> new LinkedHashSet<>());
  }

  /**
   * D2a: "loading and unloading a program in a loop would add its allocators to the visible pinned maps" (Delyan,
   * S9): p's allocators join the list of every kptr map it uses, one bookkeeping operation per addition.
   */
  void addAllocatorsOf(ProgramView p, ProgramAllocators allocators) {
    for (MapView m : p.usedMaps()) {
      if (!m.holdsKptrs()) {
        continue;
      }
      touch(m);
      for (Step op : p.steps()) {
        AllocatorRef a = allocators.allocatorFor(p, op);
        if (a != null && add(m, a)) {
          ctx.chargeBookkeeping(1);
        }
      }
    }
  }

  /** Map free: "then refcount_dec all M.used_allocators". */
  void mapFreed(MapView map) {
    Set<AllocatorRef> list = lists.remove(map);
    if (list != null) {
      list.forEach(ctx::release);
    }
  }

  /** Each entry holds a reference; a list outliving its map or naming a destroyed allocator is a breach. */
  void check(Invariants check) {
    lists.forEach((m, list) -> list.forEach(a -> {
      check.holds(a);
      check.require(!m.isFreed() && !a.destroyed(), m + " lists " + a + " in used_allocators after one of them went");
    }));
  }

  /** Size of the list of the live map of that name (tests and reports hold names); 0 when there is none. */
  int count(String mapName) {
    for (MapView m : ctx.maps()) {
      if (!m.isFreed() && m.name().equals(mapName)) {
        Set<AllocatorRef> list = lists.get(m);
        return list == null ? 0 : list.size();
      }
    }
    return 0;
  }
}
