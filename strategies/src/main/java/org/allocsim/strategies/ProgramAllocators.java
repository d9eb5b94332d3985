package org.allocsim.strategies;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.MapView;
import org.allocsim.world.Operation;
import org.allocsim.world.ProgramView;

/**
 * The allocator an allocation names in the 2022 designs where allocators are maps (D0, D1, D2):
 * <ul>
 *   <li>ALLOCATOR_MAP: the allocator map's allocator; the map sits in used_maps (Alexei 08-29 20:34, S10).</li>
 *   <li>DEFAULT (no allocator named): an allocator the program load owns ("per-program internal", S12), created
 *       at load and dropped when the program is freed, as an allocator map in its used_maps would be.</li>
 *   <li>MAP_KPTR / MAP_ELEM: the map's own allocator exposed to programs (Delyan's seed, point 1: "expose the
 *       map's internal allocator", S11b); one per map, created when a program first names it, held by the map
 *       until map free. These designs have no separate kptr and element allocators, so both forms name it.</li>
 * </ul>
 * Answers change on a load (its own steps), a program free and a map free (what they held goes).
 */
final class ProgramAllocators {
  private final StrategyContext ctx;
  private final Map<ProgramView, AllocatorRef[]> resolved = new HashMap<>();
  private final Map<ProgramView, AllocatorRef> own = new HashMap<>();
  private final Map<MapView, AllocatorRef> exposed = new HashMap<>();

  ProgramAllocators(StrategyContext ctx) {
    this.ctx = ctx;
  }

  /** The allocator op names, as the verifier sees it before the load. */
  AllocatorName named(Operation op) {
    return switch (op.source()) {
      case ALLOCATOR_MAP -> new AllocatorName.Existing(ctx.allocatorOf(op.sourceMap()));
      case DEFAULT -> new AllocatorName.Own();
      case MAP_KPTR, MAP_ELEM -> {
        AllocatorRef a = exposed.get(op.sourceMap());
        yield a != null ? new AllocatorName.Existing(a) : new AllocatorName.Exposed(op.sourceMap());
      }
    };
  }

  /** Creates what op names if needed (at load) and returns its allocator. */
  AllocatorRef instantiate(ProgramView p, Operation op) {
    return switch (op.source()) {
      case ALLOCATOR_MAP -> ctx.allocatorOf(op.sourceMap());
      case DEFAULT -> own.computeIfAbsent(p, q -> ctx.createAllocator(q.name() + "#" + q.id() + ".ma"));
      case MAP_KPTR, MAP_ELEM -> exposed.computeIfAbsent(op.sourceMap(),
          m -> ctx.createAllocator(m.name() + "#" + m.id() + ".ma"));
    };
  }

  /** Instantiates and records every allocating step of p; returns the distinct allocators in step order. */
  Set<AllocatorRef> load(ProgramView p) {
    AllocatorRef[] table = new AllocatorRef[p.operationCount()];
    Set<AllocatorRef> distinct = new LinkedHashSet<>();
    for (Operation op : p.operations()) {
      if (op.kind().allocatesFromDesign()) {
        table[op.index()] = instantiate(p, op);
        distinct.add(table[op.index()]);
      }
    }
    resolved.put(p, table);
    return distinct;
  }

  /** Records a resolution the design chose itself (design 1's merging, the placeholder's claims). */
  void record(ProgramView p, AllocatorRef[] table) {
    resolved.put(p, Arrays.copyOf(table, table.length));
  }

  /** The recorded allocator of an allocating step; null before the load or for other steps. */
  AllocatorRef allocatorFor(ProgramView p, Operation op) {
    AllocatorRef[] table = resolved.get(p);
    return table == null ? null : table[op.index()];
  }

  /** The program is freed (a grace period after unload): its own allocator loses the program's reference. */
  void programFreed(ProgramView p) {
    AllocatorRef a = own.remove(p);
    if (a != null) {
      ctx.release(a);
    }
  }

  /** The map is freed: its exposed allocator loses the map's reference. */
  void mapFreed(MapView m) {
    AllocatorRef a = exposed.remove(m);
    if (a != null) {
      ctx.release(a);
    }
  }

  /** What this helper holds must exist: own allocators of unfreed programs, exposed ones of live maps. */
  void check(Invariants check) {
    own.forEach((p, a) -> check.require(!a.destroyed(), p + " holds its own allocator " + a + " but it was destroyed"));
    exposed.forEach((m, a) -> check.require(!m.isFreed() && !a.destroyed(),
        m + " exposes allocator " + a + " after one of them went"));
  }
}
