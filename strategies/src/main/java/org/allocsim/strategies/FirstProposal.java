package org.allocsim.strategies;

import org.allocsim.memory.AllocatorRef;
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
 * D0, the first proposal (Delyan 2022-08-25, docs/designs.md). Allocators are maps; every object's hidden
 * header names its allocator, so frees need only the pointer. At program unload (4.2) the kernel walks every map
 * the program can access that has kptr fields, every value, and adds each object's allocator not yet in
 * M.used_allocators, taking a reference. At map free (4.3) the objects go back through their headers, then
 * M.used_allocators are released. Loads are never refused over allocators.
 *
 * <p>Known unsafe, modelled as proposed: the walk reads fields while other programs kptr_xchg them, so an object
 * held on another program's stack is missed (Kumar's race 2, S3); and inner maps are reached by lookup, not through
 * used_maps, so the walk never sees them (S4). Allocation answers change on Loaded, ProgramFreed and MapFreed.
 */
@Design(name = "first-proposal",
    rule = "object headers name allocators; prog unload walks used maps into M.used_allocators; map free drops them",
    source = "Delyan 2022-08-25 00:56 d3f76b27 (S2); holes: Kumar 08-30 00:07 and 02:17 (S4, S5), Kumar 08-26 (S3)",
    newObjects = "used_allocators and the unload walk cover kptr slots only (choice: the proposal predates "
        + "roots), so nodes in a graph root are not found by the walk and a node in a tree of another map "
        + "does not keep its allocator. Percpu objects come from the kernel's bpf_global_percpu_ma, which "
        + "the design is not asked about (the thread predates them; choice). A refcounted object is freed "
        + "when its last reference goes, into the allocator the design names for the place that reference "
        + "left. ")
public final class FirstProposal implements LifetimeStrategy {
  private UsedAllocators used;
  private ProgramAllocators allocators;
  private StrategyContext ctx;

  @Override
  public LoadVerdict verify(Verification question) {
    // "Load-time rejection: none specific to allocators"
    return question instanceof Verification.ProgramLoad load ? StoredTypes.namesMatch(load.program())
        : LoadVerdict.ACCEPT;
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Step step) {
    return allocators.allocatorFor(program, step);
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
    this.used = new UsedAllocators(context);
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Loaded e) {
      allocators.load(e.program());
    } else if (event instanceof LifecycleEvent.Unloaded e) {
      walk(e.program());
    } else if (event instanceof LifecycleEvent.ProgramFreed e) {
      allocators.programFreed(e.program());
    } else if (event instanceof LifecycleEvent.MapFreed e) {
      used.mapFreed(e.map()); // 4.3: objects were freed through their headers; then the list goes
      allocators.mapFreed(e.map());
    } else if (event instanceof LifecycleEvent.RunEnded e) {
      Invariants check = new Invariants(ctx, e.sink());
      allocators.check(check);
      used.check(check);
      check.referencesCoverHolders("lists");
    }
  }

  /**
   * 4.2: "walk all maps P can access that have kptr_local fields, walk every value"; used_maps only (S4), and
   * fields are read as they are now, whatever other programs hold on their stacks (S3 race 2).
   */
  private void walk(ProgramView p) {
    for (MapView m : p.usedMaps()) {
      if (m.isFreed() || !m.holdsKptrs()) {
        continue;
      }
      used.touch(m);
      long[] visited = new long[1];
      // The walk visits every stored object; the kernel's per-allocator counts give what it finds without a boxed
      // set per object (issue 17), and it is charged one operation per object as the walk would be.
      ctx.forEachStoredAllocator(m, (a, objects) -> {
        visited[0] += objects;
        // An allocator already destroyed (after an earlier finding) cannot be revived: the oracle has the case.
        if (!a.destroyed()) {
          used.add(m, a);
        }
      });
      ctx.chargeBookkeeping(visited[0]);
    }
  }

  /** Size of M.used_allocators of the live map of that name (tests hold names, not maps); 0 when there is none. */
  public int usedAllocatorCount(String mapName) {
    return used.count(mapName);
  }
}
