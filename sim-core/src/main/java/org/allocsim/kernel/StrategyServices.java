package org.allocsim.kernel;

import java.util.Collections;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.memory.MemoryParams;
import org.allocsim.params.Parameters;
import org.allocsim.strategy.ObjectHooks;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.MapView;

/** Why: what a strategy may see and do of a run (its allocators, the clock) is narrower than the engine itself. */
final class StrategyServices implements StrategyContext {
  private final Engine engine;
  private final AllocatorLifetimes allocators;
  private final StrategyPort strategy;
  private long bookkeeping;

  StrategyServices(Engine engine, AllocatorLifetimes allocators, StrategyPort strategy) {
    this.engine = engine;
    this.allocators = allocators;
    this.strategy = strategy;
  }

  @Override
  public long now() {
    return engine.now();
  }

  /** A strategy's deferred action (a percpu_ref release, a rebind): its answers may change when it runs. */
  @Override
  public void after(long delayNs, Runnable action) {
    engine.after(delayNs, "strategy action", () -> {
      action.run();
      strategy.answersMayChange();
    });
  }

  @Override
  public MemoryParams memory() {
    return engine.memory();
  }

  @Override
  public Parameters parameters() {
    return engine.parameters();
  }

  @Override
  public List<? extends MapView> maps() {
    return Collections.unmodifiableList(engine.world().maps());
  }

  @Override
  public AllocatorRef allocatorOf(MapView allocatorMap) {
    return allocators.get(engine.world().maps().get(allocatorMap.id()).allocator()).ref();
  }

  @Override
  public AllocatorRef elementAllocatorOf(MapView map) {
    int a = engine.world().maps().get(map.id()).elementAllocator();
    return a < 0 ? null : allocators.get(a).ref();
  }

  @Override
  public AllocatorRef allocatorOfObject(int object) {
    return allocators.get(engine.objects().allocator(object)).ref();
  }

  @Override
  public void forEachStoredAllocator(MapView map, ObjLongConsumer<AllocatorRef> visitor) {
    BpfMap m = engine.world().maps().get(map.id());
    for (int a = 0; a < m.storedAllocatorBound(); a++) {
      long n = m.storedFrom(a);
      if (n != 0) {
        visitor.accept(allocators.get(a).ref(), n);
      }
    }
  }

  @Override
  public int unitBytes(int object) {
    return engine.objects().unitBytes(object);
  }

  @Override
  public AllocatorRef createAllocator(String name) {
    return allocators.get(allocators.create(name, 0)).ref();
  }

  @Override
  public void acquire(AllocatorRef allocator) {
    allocators.acquire(allocator.id());
  }

  @Override
  public void release(AllocatorRef allocator) {
    allocators.release(allocator.id());
  }

  @Override
  public int references(AllocatorRef allocator) {
    return allocators.references(allocator.id());
  }

  @Override
  public long drainFreeLists(AllocatorRef allocator) {
    return allocators.get(allocator.id()).drainFreeLists();
  }

  @Override
  public void chargeBookkeeping(long operations) {
    bookkeeping += operations;
  }

  long bookkeepingOps() {
    return bookkeeping;
  }

  @Override
  public void observe(ObjectHooks hooks) {
    strategy.observe(hooks);
  }
}
