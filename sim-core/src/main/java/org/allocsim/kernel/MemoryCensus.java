package org.allocsim.kernel;

import java.util.BitSet;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ObjectTable;
import org.allocsim.metrics.Metric;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Step;
import org.allocsim.world.Program;
import org.allocsim.world.World;

/**
 * Splits allocator memory into disjoint categories for one sample. Stranded memory is what no loaded program can
 * reach or allocate from: objects in maps no loaded program uses (directly, or as an inner map of a used outer
 * map) or on no program's stack, and the caches and overhead of allocators no loaded program allocates from.
 */
final class MemoryCensus {
  private final Engine engine;

  MemoryCensus(Engine engine) {
    this.engine = engine;
  }

  long[] take() {
    World world = engine.world();
    BitSet reachableMaps = new BitSet();
    BitSet usableAllocators = new BitSet();
    long heldBytes = 0;
    ObjectTable objects = engine.objects();
    for (Program p : world.programs()) {
      if (p.isLoaded()) {
        for (BpfMap m : p.usedMaps()) {
          reach(world, m, reachableMaps);
        }
        for (Step op : p.steps()) {
          if (op.kind().allocatesFromDesign()) {
            int a = engine.allocatorFor(p, op);
            if (a >= 0) {
              usableAllocators.set(a);
            }
          } else if (op.kind().percpu()) {
            usableAllocators.set(engine.dataPlane().graphSteps().percpuAllocator(op.allocType().sizeBytes()));
          } else if (op.kind().kernelObject()) {
            int a = engine.kernelObjects().allocatorFor(op.allocType());
            if (a >= 0) {
              usableAllocators.set(a); // bpf_cpumask_ma
            }
          }
        }
      }
      for (int cpu = 0; cpu < p.heldSlots(); cpu++) {
        if (p.held(cpu) >= 0) {
          heldBytes += objects.unitBytes(p.held(cpu));
        }
      }
    }
    long reachableLive = heldBytes;
    for (int m = reachableMaps.nextSetBit(0); m >= 0; m = reachableMaps.nextSetBit(m + 1)) {
      reachableLive += world.maps().get(m).storedBytes();
    }
    long live = 0;
    long cached = 0;
    long waiting = 0;
    long overhead = 0;
    long strandedCaches = 0;
    long liveObjects = 0;
    for (BpfMemAlloc a : engine.allocators().all()) {
      live += a.liveBytes();
      liveObjects += a.liveObjects();
      waiting += a.waitingBytes();
      if (a.destroyed()) {
        continue;
      }
      if (usableAllocators.get(a.id())) {
        cached += a.cachedBytes();
        overhead += a.overheadBytes();
      } else {
        strandedCaches += a.cachedBytes() + a.overheadBytes();
      }
    }
    long strandedLive = Math.max(0, live - reachableLive);
    long[] row = new long[Metric.values().length];
    row[Metric.LIVE_BYTES.ordinal()] = live - strandedLive;
    row[Metric.CACHED_BYTES.ordinal()] = cached;
    row[Metric.WAITING_BYTES.ordinal()] = waiting;
    row[Metric.OVERHEAD_BYTES.ordinal()] = overhead;
    row[Metric.STRANDED_BYTES.ordinal()] = strandedLive + strandedCaches;
    row[Metric.TOTAL_BYTES.ordinal()] = live + cached + waiting + overhead + strandedCaches;
    row[Metric.WARM_ALLOCS.ordinal()] = engine.slab().warmAllocs();
    row[Metric.COLD_ALLOCS.ordinal()] = engine.slab().coldAllocs();
    row[Metric.FAILED_ALLOCS.ordinal()] = engine.slab().failedAllocs();
    row[Metric.LOADS_ACCEPTED.ordinal()] = engine.verdicts().accepted();
    row[Metric.LOADS_REJECTED.ordinal()] = engine.verdicts().rejected();
    row[Metric.BOOKKEEPING_OPS.ordinal()] = engine.bookkeepingOps();
    row[Metric.LIVE_ALLOCATORS.ordinal()] = engine.allocators().liveCount();
    row[Metric.LIVE_OBJECTS.ordinal()] = liveObjects;
    return row;
  }

  private static void reach(World world, BpfMap m, BitSet reachable) {
    if (m.isFreed() || reachable.get(m.id())) {
      return;
    }
    reachable.set(m.id());
    if (m.type().isMapInMap()) {
      m.slots().forEach((key, inner) -> reach(world, world.maps().get(inner), reachable));
    }
  }
}
