package org.allocsim.kernel;

import java.util.HashMap;
import java.util.Map;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Program;
import org.allocsim.world.Step;
import org.allocsim.world.World;

/**
 * Programs in their post-unload grace period and what each could still allocate from: runs started before the
 * unload may execute until the grace period ends, so destroying such an allocator then is the oracle's
 * "destroyed during grace period" finding.
 */
final class UnloadingPrograms {
  private final World world;
  private final StrategyPort strategy;
  /** What each unloading program could allocate from when it was unloaded. */
  private final Map<Program, int[]> unloading = new HashMap<>();

  UnloadingPrograms(World world, StrategyPort strategy) {
    this.world = world;
    this.strategy = strategy;
  }

  /**
   * Records what p can allocate from as it is unloaded, before the design hears of it: the grace-period check
   * then needs no call into the design, which may be inside a hook when it releases an allocator.
   */
  void unloading(Program p) {
    int[] uses = new int[p.stepCount()];
    for (Step op : p.steps()) {
      uses[op.index()] = op.kind().allocatesFromDesign() ? strategy.allocatorFor(p, op) : -1;
    }
    unloading.put(p, uses);
  }

  void freed(Program p) {
    unloading.remove(p);
  }

  /** A program in its post-unload grace period that could be running with allocator, or null. */
  Program using(int allocator) {
    for (Program p : world.programs()) {
      if (p.state() != Program.State.UNLOADING) {
        continue;
      }
      for (BpfMap m : p.usedMaps()) {
        if (m.allocator() == allocator) {
          return p;
        }
      }
      for (int a : unloading.get(p)) {
        if (a == allocator) {
          return p;
        }
      }
    }
    return null;
  }
}
