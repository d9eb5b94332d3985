package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/** Test-only: one allocator for everything, every load accepted; records the lifecycle events it sees. */
@Design(name = "single", rule = "test: one allocator", source = "test")
class SingleAllocator implements LifetimeStrategy {
  final List<String> hooks = new ArrayList<>();
  StrategyContext context;
  AllocatorRef allocator;

  @Override
  public void attach(StrategyContext ctx) {
    context = ctx;
    allocator = ctx.createAllocator("single");
  }

  @Override
  public LoadVerdict verify(Verification question) {
    return LoadVerdict.ACCEPT;
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Step step) {
    return allocator;
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Unloaded e) {
      hooks.add(context.now() + " unload " + e.program().name());
    } else if (event instanceof LifecycleEvent.ProgramFreed e) {
      hooks.add(context.now() + " freed " + e.program().name());
    }
  }
}
