package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/** Test-only: one allocator for everything, every load accepted; records the lifecycle hooks it sees. */
class SingleAllocator implements LifetimeStrategy {
  final List<String> hooks = new ArrayList<>();
  StrategyContext context;
  int allocator;

  @Override
  public String name() {
    return "single";
  }

  @Override
  public String rule() {
    return "test: one allocator";
  }

  @Override
  public String source() {
    return "test";
  }

  @Override
  public void attach(StrategyContext ctx) {
    context = ctx;
    allocator = ctx.createAllocator("single", 0);
  }

  @Override
  public LoadVerdict verify(Program program) {
    return LoadVerdict.ACCEPT;
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    return allocator;
  }

  @Override
  public void onUnload(Program program) {
    hooks.add(context.now() + " unload " + program.name());
  }

  @Override
  public void onProgramFreed(Program program) {
    hooks.add(context.now() + " freed " + program.name());
  }
}
