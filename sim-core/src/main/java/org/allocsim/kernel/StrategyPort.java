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
  private final AnswerTables answers;
  private ObjectHooks hooks;
  /** The hook running now, or null. */
  private String inside;

  StrategyPort(LifetimeStrategy strategy) {
    this.strategy = strategy;
    this.answers = new AnswerTables(strategy);
  }

  /** The strategy's answers may have changed outside {@link #on} (one of its callbacks ran, an allocator went). */
  void answersMayChange() {
    answers.newEpoch();
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

  /** The allocator id that serves step, or -1 when the allocation returns NULL: read from this epoch's table. */
  int allocatorFor(Program p, Step step) {
    checkNotInHook("allocatorFor");
    int a = answers.allocator(p.id(), step.index());
    if (!AnswerTables.resolved(a)) {
      AllocatorRef r = strategy.allocatorFor(p, step);
      a = r == null ? -1 : r.id();
      answers.putAllocator(p.id(), step.index(), p.stepCount(), a);
    }
    return a;
  }

  boolean takeReturnsObject(Program p, Step step) {
    checkNotInHook("takeReturnsObject");
    if (!answers.asksTake()) {
      return true; // the interface's default: the design has nothing to say
    }
    int t = answers.take(p.id(), step.index());
    if (!AnswerTables.resolved(t)) {
      boolean returns = strategy.takeReturnsObject(p, step);
      answers.putTake(p.id(), step.index(), p.stepCount(), returns);
      return returns;
    }
    return t != 0;
  }

  /**
   * The allocator id an object with header allocator goes to, or -1: it leaks. The answer depends on the object
   * only through its unit size (the interface's contract), so it is kept per (map, field, header, unit bytes).
   */
  int freeTarget(int object, int unitBytes, AllocatorRef header, BpfMap map, int field) {
    checkNotInHook("freeTarget");
    if (!answers.asksFreeTarget()) {
      return header.id(); // the interface's default: back to the allocator in the header
    }
    long key = AnswerTables.freeKey(map == null ? -1 : map.id(), field, header.id(), unitBytes);
    int target = key == 0 ? Integer.MIN_VALUE : answers.freeTarget(key);
    if (!AnswerTables.resolved(target)) {
      AllocatorRef a = strategy.freeTarget(object, header, map, field);
      target = a == null ? -1 : a.id();
      if (key != 0) {
        answers.putFreeTarget(key, target);
      }
    }
    return target;
  }

  /** The design's allocator for a new map's own allocator, or -1: the kernel creates one. */
  int mapAllocator(BpfMap map, MapAllocator role, Map<String, BpfMap> objectMaps) {
    AllocatorRef a = call(() -> strategy.mapAllocator(map, role, objectMaps), "mapAllocator");
    answers.newEpoch();
    return a == null ? -1 : a.id();
  }

  void on(LifecycleEvent event) {
    call(() -> {
      strategy.on(event);
      return null;
    }, event.getClass().getSimpleName());
    answers.newEpoch(); // the answers may change inside on (the interface's contract)
    if (event instanceof LifecycleEvent.ProgramFreed freed) {
      answers.forget(freed.program().id());
    }
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
