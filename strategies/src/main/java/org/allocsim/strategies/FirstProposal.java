package org.allocsim.strategies;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/**
 * D0, the first proposal (Delyan 2022-08-25, docs/designs.md). Allocators are maps; every object's hidden
 * header names its allocator, so frees need only the pointer. At program unload (4.2) the kernel walks every map
 * the program can access that has kptr fields, every value, and adds each object's allocator not yet in
 * M.used_allocators, taking a reference. At map free (4.3) the objects go back through their headers, then
 * M.used_allocators are released. Loads are never refused over allocators.
 *
 * <p>Known unsafe, modelled as proposed: the walk reads fields while other programs kptr_xchg them, so an object
 * held on another program's stack is missed (Kumar's race 2, S3); and inner maps are reached by lookup, not through
 * used_maps, so the walk never sees them (S4).
 */
public final class FirstProposal implements LifetimeStrategy {
  private StrategyContext ctx;
  private ProgramAllocators allocators;
  private final Map<BpfMap, Set<Integer>> usedAllocators = new LinkedHashMap<>();

  @Override
  public String name() {
    return "first-proposal";
  }

  @Override
  public String rule() {
    return "object headers name allocators; prog unload walks used maps into M.used_allocators; map free drops them";
  }

  @Override
  public String source() {
    return "Delyan 2022-08-25 00:56 d3f76b27 (S2); holes: Kumar 08-30 00:07 and 02:17 (S4, S5), Kumar 08-26 (S3)";
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
  }

  @Override
  public LoadVerdict verify(Program p) {
    return StoredTypes.namesMatch(p); // "Load-time rejection: none specific to allocators"
  }

  @Override
  public void onLoad(Program p) {
    allocators.load(p);
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    return allocators.allocatorFor(program, operation);
  }

  @Override
  public void onUnload(Program p) {
    // 4.2: "walk all maps P can access that have kptr_local fields, walk every value"; used_maps only (S4), and
    // fields are read as they are now, whatever other programs hold on their stacks (S3 race 2).
    for (BpfMap m : p.usedMaps()) {
      if (m.isFreed() || !m.holdsKptrs()) {
        continue;
      }
      Set<Integer> list = usedAllocators.computeIfAbsent(m, k -> new LinkedHashSet<>());
      long[] visited = new long[1];
      m.slots().forEach((slot, obj) -> {
        visited[0]++;
        int a = ctx.objects().allocator(obj);
        // An allocator already destroyed (after an earlier finding) cannot be revived: the oracle has the case.
        if (!ctx.allocator(a).destroyed() && list.add(a)) {
          ctx.acquire(a); // refcount_inc + add
        }
      });
      ctx.chargeBookkeeping(visited[0]);
    }
  }

  @Override
  public void onProgramFreed(Program p) {
    allocators.programFreed(p);
  }

  @Override
  public void onMapFree(BpfMap map) {
    // 4.3: objects were freed through their headers; "then refcount_dec all M.used_allocators".
    Set<Integer> list = usedAllocators.remove(map);
    if (list != null) {
      list.forEach(ctx::release);
    }
    allocators.mapFreed(map);
  }

  @Override
  public void checkInvariants(InvariantSink sink) {
    allocators.check(sink);
    Map<Integer, Integer> refs = new HashMap<>();
    usedAllocators.forEach((m, list) -> list.forEach(a -> {
      refs.merge(a, 1, Integer::sum);
      if (m.isFreed() || ctx.allocator(a).destroyed()) {
        sink.breach(m + " lists " + ctx.allocator(a).name() + " in used_allocators after one of them went");
      }
    }));
    refs.forEach((a, n) -> {
      if (ctx.references(a) < n) {
        sink.breach(ctx.allocator(a).name() + " has " + ctx.references(a) + " references for " + n + " lists");
      }
    });
  }

  /** Size of M.used_allocators (for tests and reports). */
  public int usedAllocatorCount(BpfMap map) {
    Set<Integer> list = usedAllocators.get(map);
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
}
