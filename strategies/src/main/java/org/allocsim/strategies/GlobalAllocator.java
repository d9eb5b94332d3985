package org.allocsim.strategies;

import java.util.Map;
import org.allocsim.btf.BtfType;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.MapAllocator;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.MapView;
import org.allocsim.world.Operation;
import org.allocsim.world.ProgramView;

/**
 * What landed (docs/designs.md): one kernel-global bpf_mem_alloc, bpf_global_ma, that is never destroyed, so
 * allocator lifetime is a non-issue. The verifier's only relevant rule is BTF identity: a local kptr may be stored
 * only into a field whose type is the same type of the same BTF object (map_kptr_match_type, ab6c637ad027).
 * Objects left in maps are dropped into bpf_global_ma at map free (bpf_obj_free_fields).
 *
 * <p>The allocator a program names is ignored: the landed kernel has no allocator maps, so every allocation is
 * bpf_obj_new(). No event changes any answer.
 */
@Design(name = "global", rule = "one global allocator, never destroyed; local kptrs need the map's BTF object",
    source = "Alexei 2022-09-01 20:29 (S19), Kumar 2022-09-05 (S20); landed as bpf_global_ma, 958cf2e273f0",
    newObjects = "As landed: every object, refcounted or graph node, comes from bpf_global_ma, which is never "
        + "destroyed; percpu objects from bpf_global_percpu_ma. Safe on all of them by construction.")
public final class GlobalAllocator implements LifetimeStrategy {
  private StrategyContext context;
  private AllocatorRef global;

  @Override
  public void attach(StrategyContext ctx) {
    this.context = ctx;
    // late_initcall(bpf_global_ma_init): the kernel holds this reference forever (S25).
    this.global = ctx.createAllocator("bpf_global_ma");
  }

  @Override
  public LoadVerdict verify(Verification question) {
    if (!(question instanceof Verification.ProgramLoad load)) {
      return LoadVerdict.ACCEPT;
    }
    ProgramView program = load.program();
    for (Operation op : program.operations()) {
      if (!op.kind().stores()) {
        continue;
      }
      BtfType expected = op.to().type();
      for (BtfType actual : StoredTypes.of(program, op)) {
        if (!actual.sameAs(expected)) {
          // S9, BTF identity (docs/designs.md): a reload brings a new BTF object, so its local types differ.
          return LoadVerdict.reject("invalid kptr access: type=ptr_" + actual.name() + " (" + actual.btf().name()
              + ") expected=ptr_" + expected.name() + " (" + expected.btf().name() + ")");
        }
      }
    }
    return LoadVerdict.ACCEPT;
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Operation step) {
    return global;
  }

  /** No allocator maps landed: one in a scenario names bpf_global_ma and costs nothing of its own. */
  @Override
  public AllocatorRef mapAllocator(MapView map, MapAllocator role, Map<String, ? extends MapView> objectMaps) {
    if (role != MapAllocator.ALLOCATOR_MAP) {
      return null;
    }
    context.acquire(global);
    return global;
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.RunEnded end && (global.destroyed() || context.references(global) < 1)) {
      end.sink().breach("bpf_global_ma must keep the kernel's reference and never be destroyed");
    }
  }
}
