package org.allocsim.kernel;

import java.util.Map;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.MapAllocator;
import org.allocsim.strategy.ObjectHooks;
import org.allocsim.strategy.Verification;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Step;
import org.allocsim.world.Program;

/**
 * The one place the kernel talks to the strategy. It refuses a call into the strategy while one of the strategy's
 * own hooks is running (a release that destroys an allocator must not ask the design anything mid-hook), and calls
 * the per-object hooks only for a design that asked for them.
 */
final class StrategyPort {
  private final LifetimeStrategy strategy;
  private ObjectHooks hooks;
  /** The hook running now, or null. */
  private String inside;

  StrategyPort(LifetimeStrategy strategy) {
    this.strategy = strategy;
  }

  void observe(ObjectHooks h) {
    if (hooks != null) {
      throw new IllegalStateException("a strategy registers its object hooks once");
    }
    hooks = h;
  }

  LoadVerdict verify(Verification question) {
    checkNotInHook("verify");
    return strategy.verify(question);
  }

  /** The allocator id that serves step, or -1 when the allocation returns NULL. */
  int allocatorFor(Program p, Step step) {
    checkNotInHook("allocatorFor");
    AllocatorRef a = strategy.allocatorFor(p, step);
    return a == null ? -1 : a.id();
  }

  boolean takeReturnsObject(Program p, Step step) {
    checkNotInHook("takeReturnsObject");
    return strategy.takeReturnsObject(p, step);
  }

  /** The allocator id an object with header allocator goes to, or -1: it leaks. */
  int freeTarget(int object, AllocatorRef header, BpfMap map, int field) {
    checkNotInHook("freeTarget");
    AllocatorRef a = strategy.freeTarget(object, header, map, field);
    return a == null ? -1 : a.id();
  }

  /** The design's allocator for a new map's own allocator, or -1: the kernel creates one. */
  int mapAllocator(BpfMap map, MapAllocator role, Map<String, BpfMap> objectMaps) {
    AllocatorRef a = call(() -> strategy.mapAllocator(map, role, objectMaps), "mapAllocator");
    return a == null ? -1 : a.id();
  }

  void on(LifecycleEvent event) {
    call(() -> {
      strategy.on(event);
      return null;
    }, event.getClass().getSimpleName());
  }

  void allocated(int object, AllocatorRef allocator, int cpu) {
    if (hooks != null) {
      hooks.allocated(object, allocator, cpu);
    }
  }

  void freed(int object, AllocatorRef allocator, int cpu) {
    if (hooks != null) {
      hooks.freed(object, allocator, cpu);
    }
  }

  private <T> T call(java.util.function.Supplier<T> body, String what) {
    checkNotInHook(what);
    inside = what;
    try {
      return body.get();
    } finally {
      inside = null;
    }
  }

  private void checkNotInHook(String what) {
    if (inside != null) {
      throw new IllegalStateException("the kernel asked the strategy " + what + " from inside its hook " + inside);
    }
  }
}
