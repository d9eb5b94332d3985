package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.MemoryParams;
import org.allocsim.memory.ObjectTable;
import org.allocsim.memory.Slab;
import org.allocsim.oracle.SafetyOracle;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.params.Parameters;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Step;
import org.allocsim.world.Program;
import org.allocsim.world.World;

/**
 * The state of one run and the services its parts share: the clock, freeing objects, verdicts, the current event
 * for the oracle's records. The strategy sees it through {@link StrategyServices}.
 */
final class Engine {
  private final Parameters parameters;
  private final MemoryParams memory;
  private final World world = new World();
  private final Slab slab;
  private final SafetyOracle oracle = new SafetyOracle();
  private final StrategyPort strategy;
  private final UnloadingPrograms unloading;
  private final AllocatorLifetimes allocators;
  private final Lifetimes lifetimes;
  private final Elements elements;
  private final KernelObjects kernelObjects;
  private final LruHashes lruHashes;
  private final LocalStorage localStorage;
  private final GraphState graph;
  private final DataPlane dataPlane;
  private final ControlPlane controlPlane;
  private final ObjectDrops drops;
  private final LoadVerdicts verdicts = new LoadVerdicts();
  private final KernelTimers timers = new KernelTimers();
  private final int controlCpu;
  private final StrategyServices services;
  private String event = "start";
  private Observations observations;

  Engine(Parameters parameters, LifetimeStrategy strategy) {
    this.parameters = parameters;
    this.memory = KernelParameters.memory(parameters);
    this.controlCpu = parameters.getInt(KernelParameters.CONTROL_CPU);
    if (controlCpu < 0 || controlCpu >= memory.cpus()) {
      throw new IllegalArgumentException("parameter " + KernelParameters.CONTROL_CPU.key() + ": expected 0.."
          + (memory.cpus() - 1) + ", got " + controlCpu);
    }
    world.setCpus(memory.cpus());
    // The memory's own irq_work and RCU callbacks: not the strategy's, so they leave its answers standing.
    this.slab = new Slab(memory, timers);
    slab.onLateFreeIntoDestroyed(a -> useAfterFree(-1, a, "a cache's c->tgt names destroyed allocator "
        + slab.allocator(a).name() + " (an object it served was freed into another allocator)"));
    this.strategy = new StrategyPort(strategy);
    this.unloading = new UnloadingPrograms(world, this.strategy);
    this.allocators = new AllocatorLifetimes(this, slab, oracle);
    this.graph = new GraphState(world);
    this.elements = new Elements(this, this.strategy);
    this.kernelObjects = new KernelObjects(this);
    this.lruHashes = new LruHashes(this);
    this.localStorage = new LocalStorage(this);
    this.lifetimes = new Lifetimes(this, allocators, this.strategy);
    this.drops = new ObjectDrops(this, this.strategy);
    this.dataPlane = new DataPlane(this, this.strategy);
    this.controlPlane = new ControlPlane(this, lifetimes, this.strategy);
    this.services = new StrategyServices(this, allocators, this.strategy);
  }

  void setScheduler(KernelTimers.Scheduler scheduler) {
    timers.setScheduler(scheduler);
  }

  void setNow(long timeNs) {
    timers.setNow(timeNs);
  }

  // --- the clock and deferred work --------------------------------------------------------------------------

  long now() {
    return timers.now();
  }

  /** An allocator was destroyed: answers naming it are asked again. */
  void answersMayChange() {
    strategy.answersMayChange();
  }

  /**
   * A one-time kernel callback (a program or map free), in the order of every other callback (CallbackHeap); the
   * label names it for a reader of the code.
   */
  void after(long delayNs, @SuppressWarnings("unused") String label, Runnable action) {
    timers.once(delayNs, action);
  }

  /** The kernel's pending callbacks, which {@link KernelStream} runs between records. */
  CallbackHeap callbacks() {
    return timers.callbacks();
  }

  long tasksTraceDelay() {
    return memory.tasksTraceGracePeriodNs() + (memory.rcuTasksTraceImpliesRcu() ? 0 : memory.rcuGracePeriodNs());
  }

  // --- the services kernel parts share ----------------------------------------------------------------------

  /** What the strategy is given ({@link LifetimeStrategy#attach}). */
  StrategyServices strategyServices() {
    return services;
  }

  World world() {
    return world;
  }

  ObjectTable objects() {
    return slab.objects();
  }

  MemoryParams memory() {
    return memory;
  }

  Parameters parameters() {
    return parameters;
  }

  /** A kernel-owned allocator (an allocator map's, a hash map's elements'), fixedUnitBytes 0 = every size class. */
  int createAllocator(String name, int fixedUnitBytes) {
    return allocators.create(name, fixedUnitBytes);
  }

  /** One cache of bpf_global_percpu_ma, with the percpu limits (CacheLimits.PERCPU). */
  int createPercpuAllocator(String name, int fixedUnitBytes) {
    return allocators.create(name, fixedUnitBytes, true);
  }

  void release(int allocator) {
    allocators.release(allocator);
  }

  BpfMemAlloc allocator(int allocator) {
    return allocators.get(allocator);
  }

  // --- shared services ---------------------------------------------------------------------------------------

  Slab slab() {
    return slab;
  }

  SafetyOracle oracle() {
    return oracle;
  }

  Elements elements() {
    return elements;
  }

  LruHashes lruHashes() {
    return lruHashes;
  }

  LocalStorage localStorage() {
    return localStorage;
  }

  KernelObjects kernelObjects() {
    return kernelObjects;
  }

  /** The run's observations, or null when nobody asked for them. */
  Observations observations() {
    return observations;
  }

  void observe(Observations o) {
    this.observations = o;
    dataPlane.observeInto(o);
  }

  GraphState graph() {
    return graph;
  }

  DataPlane dataPlane() {
    return dataPlane;
  }

  ControlPlane controlPlane() {
    return controlPlane;
  }

  AllocatorLifetimes allocators() {
    return allocators;
  }

  int controlCpu() {
    return controlCpu;
  }

  long bookkeepingOps() {
    return services.bookkeepingOps();
  }

  /** The verifier's decisions of the run. */
  LoadVerdicts verdicts() {
    return verdicts;
  }

  void recordVerdict(String subject, String btf, LoadVerdict v) {
    verdicts.record(now(), subject, btf, v);
  }

  /** Drops obj through the design's free target: {@link ObjectDrops#drop}, the one path by which objects go back. */
  void drop(int obj, BpfMap map, int field, int cpu) {
    drops.drop(obj, map, field, cpu);
  }

  void useAfterFree(int obj, int allocator, String detail) {
    oracle.report(now(), ViolationKind.USE_AFTER_FREE, currentEvent(), obj, allocator, detail);
  }

  UnloadingPrograms unloading() {
    return unloading;
  }

  /** The allocators loaded programs can allocate from, for the census. */
  int allocatorFor(Program p, Step op) {
    return strategy.allocatorFor(p, op);
  }

  /** The end of the run: the design checks its own invariants, the kernel its stored counts. */
  List<String> strategyBreaches() {
    List<String> breaches = new ArrayList<>();
    strategy.on(new org.allocsim.strategy.LifecycleEvent.RunEnded(breaches::add));
    StoredCounts.check(world(), objects(), breaches::add);
    return breaches;
  }

  // --- event labels for the oracle --------------------------------------------------------------------------

  /** The event being handled; null while replaying records means "the current record". */
  String currentEvent() {
    return event != null ? event : dataPlane.describeCurrent();
  }

  /**
   * Runs a handler under the label of its event (null: the record being replayed, described only when the oracle
   * reports); the enclosing event gets its label back however the handler ends. Handlers nest: a map free inside a
   * program free inside a control action.
   */
  void during(String label, Runnable handler) {
    during(label, () -> {
      handler.run();
      return 0;
    });
  }

  /** As {@link #during(String, Runnable)}, for a handler that returns a time. */
  long during(String label, java.util.function.LongSupplier handler) {
    String previous = event;
    event = label;
    try {
      return handler.getAsLong();
    } finally {
      event = previous;
    }
  }

  /** The end of the run: every later finding belongs to it. */
  void endOfRun() {
    event = "end of run";
  }
}
