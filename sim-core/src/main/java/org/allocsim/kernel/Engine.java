package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.MemoryParams;
import org.allocsim.memory.ObjectTable;
import org.allocsim.memory.Slab;
import org.allocsim.memory.Timers;
import org.allocsim.oracle.SafetyOracle;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.params.Parameters;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;
import org.allocsim.world.World;

/**
 * The state of one run and the services its parts share: the clock, freeing objects, verdicts, the current event
 * for the oracle's records. It is the strategy's {@link StrategyContext}.
 */
final class Engine implements StrategyContext, Timers {
  private final Parameters parameters;
  private final MemoryParams memory;
  private final World world = new World();
  private final Slab slab;
  private final SafetyOracle oracle = new SafetyOracle();
  private final LifetimeStrategy strategy;
  private final AllocatorLifetimes allocators;
  private final Lifetimes lifetimes;
  private final Elements elements;
  private final DataPlane dataPlane;
  private final ControlPlane controlPlane;
  private final List<LoadRecord> verdicts = new ArrayList<>();
  private final int controlCpu;
  private Scheduler scheduler;
  private long now;
  private long bookkeeping;
  private long accepted;
  private long rejected;
  private String event = "start";
  private Observations observations;

  /** Puts timed actions on the DSOL event list. */
  interface Scheduler {
    void schedule(long timeNs, short priority, String label, Runnable action);
  }

  Engine(Parameters parameters, LifetimeStrategy strategy) {
    this.parameters = parameters;
    this.memory = KernelParameters.memory(parameters);
    this.controlCpu = parameters.getInt(KernelParameters.CONTROL_CPU);
    if (controlCpu < 0 || controlCpu >= memory.cpus()) {
      throw new IllegalArgumentException("parameter " + KernelParameters.CONTROL_CPU.key() + ": expected 0.."
          + (memory.cpus() - 1) + ", got " + controlCpu);
    }
    this.slab = new Slab(memory, this);
    this.strategy = strategy;
    this.allocators = new AllocatorLifetimes(this, slab, oracle);
    this.elements = new Elements(this);
    this.lifetimes = new Lifetimes(this, allocators);
    this.dataPlane = new DataPlane(this);
    this.controlPlane = new ControlPlane(this, lifetimes);
  }

  void setScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  void setNow(long timeNs) {
    this.now = timeNs;
  }

  // --- Timers (irq_work, RCU callbacks) -------------------------------------------------------------------

  @Override
  public long now() {
    return now;
  }

  @Override
  public void after(long delayNs, Runnable action) {
    scheduler.schedule(now + delayNs, Priority.INTERNAL, "memalloc callback", action);
  }

  void after(long delayNs, String label, Runnable action) {
    scheduler.schedule(now + delayNs, Priority.INTERNAL, label, action);
  }

  long tasksTraceDelay() {
    return memory.tasksTraceGracePeriodNs() + (memory.rcuTasksTraceImpliesRcu() ? 0 : memory.rcuGracePeriodNs());
  }

  // --- StrategyContext -------------------------------------------------------------------------------------

  @Override
  public World world() {
    return world;
  }

  @Override
  public ObjectTable objects() {
    return slab.objects();
  }

  @Override
  public MemoryParams memory() {
    return memory;
  }

  @Override
  public Parameters parameters() {
    return parameters;
  }

  @Override
  public int createAllocator(String name, int fixedUnitBytes) {
    return allocators.create(name, fixedUnitBytes);
  }

  @Override
  public void acquire(int allocator) {
    allocators.acquire(allocator);
  }

  @Override
  public void release(int allocator) {
    allocators.release(allocator);
  }

  @Override
  public int references(int allocator) {
    return allocators.references(allocator);
  }

  @Override
  public BpfMemAlloc allocator(int allocator) {
    return allocators.get(allocator);
  }

  @Override
  public void chargeBookkeeping(long operations) {
    bookkeeping += operations;
  }

  // --- shared services ---------------------------------------------------------------------------------------

  LifetimeStrategy strategy() {
    return strategy;
  }

  Slab slab() {
    return slab;
  }

  SafetyOracle oracle() {
    return oracle;
  }

  Elements elements() {
    return elements;
  }

  /** The run's observations, or null when nobody asked for them. */
  Observations observations() {
    return observations;
  }

  void observe(Observations o) {
    this.observations = o;
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
    return bookkeeping;
  }

  long loadsAccepted() {
    return accepted;
  }

  long loadsRejected() {
    return rejected;
  }

  List<LoadRecord> verdicts() {
    return verdicts;
  }

  void recordVerdict(String subject, String btf, LoadVerdict v) {
    verdicts.add(new LoadRecord(now, subject, btf, v.accepted(), v.reason()));
    if (v.accepted()) {
      accepted++;
    } else {
      rejected++;
    }
  }

  /**
   * Frees obj into allocator target (-1: the design frees nothing, and the object leaks). Freeing into, or with a
   * header naming, a destroyed allocator is a use-after-free; the object is then written off to slab so that the
   * figures stay conservative.
   */
  void free(int obj, int target, int cpu) {
    ObjectTable t = slab.objects();
    if (target < 0) {
      return;
    }
    int own = t.allocator(obj);
    BpfMemAlloc into = allocators.get(target);
    BpfMemAlloc header = allocators.get(own);
    if (into.destroyed() || header.destroyed()) {
      BpfMemAlloc dead = into.destroyed() ? into : header;
      useAfterFree(obj, dead.id(), "object freed into destroyed allocator " + dead.name());
      header.writeOff(obj);
      return;
    }
    strategy.onFree(obj, target, cpu);
    if (own != target) {
      // bpf_mem_free(ma, p) frees into ma's cache whatever served p (Alexei's cross-allocator free, S19).
      header.transfer(obj, into);
    }
    into.free(obj, cpu);
  }

  void useAfterFree(int obj, int allocator, String detail) {
    oracle.report(now, ViolationKind.USE_AFTER_FREE, currentEvent(), obj, allocator, detail);
  }

  /** A program in its post-unload grace period that could be running with allocator, or null. */
  Program unloadingProgramUsing(int allocator) {
    for (Program p : world.programs()) {
      if (p.state() != Program.State.UNLOADING) {
        continue;
      }
      for (BpfMap m : p.usedMaps()) {
        if (m.allocator() == allocator) {
          return p;
        }
      }
      for (Operation op : p.operations()) {
        if (op.kind().allocates() && strategy.allocatorFor(p, op) == allocator) {
          return p;
        }
      }
    }
    return null;
  }

  // --- event labels for the oracle --------------------------------------------------------------------------

  /** The event being handled; null while replaying records means "the current record". */
  String currentEvent() {
    return event != null ? event : dataPlane.describeCurrent();
  }

  /** Sets the label of the event being handled; returns the previous one for {@link #restoreEvent}. */
  String enterEvent(String label) {
    String previous = event;
    event = label;
    return previous;
  }

  void restoreEvent(String label) {
    event = label;
  }
}
