package org.allocsim.strategies;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.allocsim.strategy.LifetimeStrategy.InvariantSink;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

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
 */
final class ProgramAllocators {
  /** {@link #named}: the program's own allocator, which does not exist before its load. */
  static final int OWN = -2;
  private static final int EXPOSED_BASE = -3;

  private final StrategyContext ctx;
  private final Map<Program, int[]> resolved = new HashMap<>();
  private final Map<Program, Integer> own = new HashMap<>();
  private final Map<BpfMap, Integer> exposed = new HashMap<>();

  ProgramAllocators(StrategyContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The allocator op names, as the verifier sees it before the load: an allocator id, {@link #OWN}, or a key
   * (below {@link #OWN}) for a map's exposed allocator not created yet. Equal values mean the same allocator.
   */
  int named(Program p, Operation op) {
    return switch (op.source()) {
      case ALLOCATOR_MAP -> ctx.allocatorOf(op.sourceMap());
      case DEFAULT -> OWN;
      case MAP_KPTR, MAP_ELEM -> {
        Integer a = exposed.get(op.sourceMap());
        yield a != null ? a : EXPOSED_BASE - op.sourceMap().id();
      }
    };
  }

  /** Words for a {@link #named} value, for rejection reasons. */
  String describe(Program p, int named) {
    if (named >= 0) {
      return ctx.allocator(named).name();
    }
    if (named == OWN) {
      return p.name() + "'s own allocator";
    }
    return ctx.world().maps().get(EXPOSED_BASE - named).name() + "'s allocator";
  }

  /** Creates what op names if needed (at load) and returns its allocator. */
  int instantiate(Program p, Operation op) {
    return switch (op.source()) {
      case ALLOCATOR_MAP -> ctx.allocatorOf(op.sourceMap());
      case DEFAULT -> own.computeIfAbsent(p, q -> ctx.createAllocator(q.name() + "#" + q.id() + ".ma", 0));
      case MAP_KPTR, MAP_ELEM -> exposed.computeIfAbsent(op.sourceMap(),
          m -> ctx.createAllocator(m.name() + "#" + m.id() + ".ma", 0));
    };
  }

  /** Instantiates and records every allocating step of p; returns the distinct allocators in step order. */
  Set<Integer> load(Program p) {
    int[] table = new int[p.operationCount()];
    Set<Integer> distinct = new LinkedHashSet<>();
    for (Operation op : p.operations()) {
      table[op.index()] = op.kind().allocates() ? instantiate(p, op) : -1;
      if (table[op.index()] >= 0) {
        distinct.add(table[op.index()]);
      }
    }
    resolved.put(p, table);
    return distinct;
  }

  /** Records a resolution the design chose itself (design 1's merging). */
  void record(Program p, int[] table) {
    resolved.put(p, table);
  }

  /** The recorded allocator of an allocating step, -1 before the load or for other steps. */
  int allocatorFor(Program p, Operation op) {
    int[] table = resolved.get(p);
    return table == null ? -1 : table[op.index()];
  }

  /** The program is freed (a grace period after unload): its own allocator loses the program's reference. */
  void programFreed(Program p) {
    Integer a = own.remove(p);
    if (a != null) {
      ctx.release(a);
    }
  }

  /** The map is freed: its exposed allocator loses the map's reference. */
  void mapFreed(BpfMap m) {
    Integer a = exposed.remove(m);
    if (a != null) {
      ctx.release(a);
    }
  }

  /** What this helper holds must exist: own allocators of unfreed programs, exposed ones of live maps. */
  void check(InvariantSink sink) {
    own.forEach((p, a) -> {
      if (ctx.allocator(a).destroyed()) {
        sink.breach(p + " holds its own allocator " + ctx.allocator(a).name() + " but it was destroyed");
      }
    });
    exposed.forEach((m, a) -> {
      if (m.isFreed() || ctx.allocator(a).destroyed()) {
        sink.breach(m + " exposes allocator " + ctx.allocator(a).name() + " after one of them went");
      }
    });
  }
}
