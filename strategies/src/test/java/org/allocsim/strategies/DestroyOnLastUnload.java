package org.allocsim.strategies;

import java.util.HashMap;
import java.util.Map;
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
 * Test-only and deliberately unsafe: every program load gets its own allocator, destroyed the moment the program's
 * last holder goes — while its objects still sit in a pinned map and its runs may still be executing. With
 * {@code leakInstead}, objects whose allocator is gone are not freed at all (trading the use-after-free for a leak).
 */
@Design(name = "toy-destroy", rule = "test only: a program's allocator dies with the program", source = "test")
class DestroyOnLastUnload implements LifetimeStrategy {
  private final boolean leakInstead;
  private final Map<ProgramView, AllocatorRef> allocators = new HashMap<>();
  private StrategyContext context;

  DestroyOnLastUnload(boolean leakInstead) {
    this.leakInstead = leakInstead;
  }

  /** The same, named apart for the leaking variant. */
  static LifetimeStrategy of(boolean leakInstead) {
    return leakInstead ? new Leak() : new DestroyOnLastUnload(false);
  }

  @Design(name = "toy-leak", rule = "test only: a program's allocator dies with the program; its objects leak",
      source = "test")
  private static final class Leak extends DestroyOnLastUnload {
    Leak() {
      super(true);
    }
  }

  @Override
  public void attach(StrategyContext ctx) {
    context = ctx;
  }

  @Override
  public LoadVerdict verify(Verification question) {
    return LoadVerdict.ACCEPT;
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Step step) {
    return allocators.get(program);
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Loaded e) {
      allocators.put(e.program(), context.createAllocator(e.program().name() + "#" + e.program().id()));
    } else if (event instanceof LifecycleEvent.Unloaded e) {
      context.release(allocators.get(e.program()));
    }
  }

  @Override
  public AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    return leakInstead && header.destroyed() ? null : header;
  }
}
