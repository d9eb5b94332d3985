package org.allocsim.strategies;

import java.util.HashMap;
import java.util.Map;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/**
 * Test-only and deliberately unsafe: every program load gets its own allocator, destroyed the moment the program's
 * last holder goes — while its objects still sit in a pinned map and its runs may still be executing. With
 * {@code leakInstead}, objects whose allocator is gone are not freed at all (trading the use-after-free for a leak).
 */
final class DestroyOnLastUnload implements LifetimeStrategy {
  private final boolean leakInstead;
  private final Map<Program, Integer> allocators = new HashMap<>();
  private StrategyContext context;

  DestroyOnLastUnload(boolean leakInstead) {
    this.leakInstead = leakInstead;
  }

  @Override
  public String name() {
    return leakInstead ? "toy-leak" : "toy-destroy";
  }

  @Override
  public String rule() {
    return "test only: a program's allocator dies with the program";
  }

  @Override
  public String source() {
    return "test";
  }

  @Override
  public void attach(StrategyContext ctx) {
    context = ctx;
  }

  @Override
  public LoadVerdict verify(Program program) {
    return LoadVerdict.ACCEPT;
  }

  @Override
  public void onLoad(Program program) {
    allocators.put(program, context.createAllocator(program.name() + "#" + program.id(), 0));
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    return allocators.getOrDefault(program, -1);
  }

  @Override
  public void onUnload(Program program) {
    context.release(allocators.get(program));
  }

  @Override
  public int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
    if (leakInstead && context.allocator(headerAllocator).destroyed()) {
      return -1;
    }
    return headerAllocator;
  }
}
