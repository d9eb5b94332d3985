package org.allocsim.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import ch.qos.logback.classic.Level;
import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.oracle.ConservationAudit;
import org.allocsim.oracle.LeakAudit;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.StrategyInfo;

/**
 * Runs one {@link RunSpec} under one strategy on its own DSOL DevsSimulator (or, for {@link ReplayDriver#PLAIN_LOOP},
 * on a plain event heap), and returns what it produced.
 */
public final class Simulation {
  private static final AtomicLong RUN_IDS = new AtomicLong();
  /** DSOL keeps JVM-wide state (naming context, loggers) that is not safe for concurrent change. */
  private static final Object DSOL_CONTEXT = new Object();

  private final RunSpec spec;
  private final Engine engine;
  /** The clock of the DSOL drivers; null for the plain loop. */
  private final DevsSimulator<Long> simulator;
  /** The clock of the plain loop; null for the DSOL drivers. */
  private final EventHeap heap;
  private final Replayer replayer;
  private final KernelStream stream;
  /** When and at what priority the stream's DSOL event is due; -1: none pending. */
  private long streamTime = -1;
  private short streamPriority;
  /** The stream's current DSOL event; an earlier one supersedes it, and a superseded one does nothing. */
  private long streamGeneration;
  private final MemoryCensus census;
  private final MetricSeries series = new MetricSeries();
  private final long sampleInterval;
  private final String runId;
  private final String strategyName;
  private Throwable failure;
  private java.util.function.LongConsumer progress = t -> {};
  /** Opt-in check after every event and record ({@link #runAudited}); a no-op otherwise, so runs stay fast. */
  private Runnable audit = () -> {};

  private Simulation(RunSpec spec, LifetimeStrategy strategy, ReplayDriver driver) {
    this.spec = spec;
    this.engine = new Engine(spec.parameters(), strategy);
    this.strategyName = StrategyInfo.of(strategy.getClass()).name();
    spec.kernelTypes().forEach(engine.world()::declareKernelType);
    this.sampleInterval = KernelParameters.nonNegative(spec.parameters(), KernelParameters.SAMPLE_INTERVAL);
    if (sampleInterval == 0) {
      throw new IllegalArgumentException("parameter " + KernelParameters.SAMPLE_INTERVAL.key() + " must be > 0");
    }
    // Replication ids must be unique: DSOL registers each in a JVM-wide naming context.
    this.runId = "allocsim-" + RUN_IDS.incrementAndGet();
    if (driver == ReplayDriver.PLAIN_LOOP) {
      this.simulator = null;
      this.heap = new EventHeap();
    } else {
      this.heap = null;
      synchronized (DSOL_CONTEXT) {
        // DSOL's constructor touches its JVM-wide CategoryLogger, which is not thread-safe either.
        this.simulator = new DevsSimulator<>(runId);
        this.simulator.setErrorStrategy(ErrorStrategy.WARN_AND_PAUSE, Level.OFF);
      }
    }
    this.census = new MemoryCensus(engine);
    engine.setScheduler(this::callbackAdded);
    strategy.attach(engine.strategyServices());
    this.replayer = new Replayer(engine, spec.records().apply(new RandomStreams(spec.seed(), spec.replication())),
        spec.durationNs());
    this.stream = new KernelStream(engine, replayer, spec.durationNs(), driver == ReplayDriver.NAIVE_DSOL);
  }

  /** Runs spec under strategy (a fresh instance) to the end of its duration. */
  public static RunResult run(RunSpec spec, LifetimeStrategy strategy) {
    return run(spec, strategy, t -> {});
  }

  /** As {@link #run(RunSpec, LifetimeStrategy)}, telling progress the simulated time at every grid sample. */
  public static RunResult run(RunSpec spec, LifetimeStrategy strategy, java.util.function.LongConsumer progress) {
    return run(spec, strategy, ReplayDriver.BATCHED, progress);
  }

  /** As {@link #run(RunSpec, LifetimeStrategy, java.util.function.LongConsumer)} with another driver. */
  public static RunResult run(RunSpec spec, LifetimeStrategy strategy, ReplayDriver driver,
      java.util.function.LongConsumer progress) {
    Simulation s = new Simulation(spec, strategy, driver);
    s.progress = progress;
    return driver == ReplayDriver.PLAIN_LOOP ? s.executePlain() : s.execute();
  }

  /** As {@link #run(RunSpec, LifetimeStrategy)}, filling observations (step outcomes, map frees, user-space ops). */
  public static RunResult runObserved(RunSpec spec, LifetimeStrategy strategy, Observations observations) {
    Simulation s = new Simulation(spec, strategy, ReplayDriver.BATCHED);
    s.engine.observe(observations);
    return s.execute();
  }

  /**
   * As {@link #run(RunSpec, LifetimeStrategy)}, and checks memory conservation after every event and every trace
   * record, not only at control events and samples: for property tests, where a transient imbalance that a later
   * event repairs must not go unseen.
   */
  public static RunResult runAudited(RunSpec spec, LifetimeStrategy strategy) {
    Simulation s = new Simulation(spec, strategy, ReplayDriver.BATCHED);
    s.audit = () -> ConservationAudit.check(s.engine.allocators().all(), s.engine.now(), s.engine.currentEvent(),
        s.engine.oracle());
    s.replayer.afterEach(s.audit);
    s.stream.afterEachCallback(s.audit);
    return s.execute();
  }

  /** The engine added a callback (in its {@link CallbackHeap}): the stream's event may have to come earlier. */
  private void callbackAdded(long timeNs) {
    if (stream == null) {
      return; // while the run is set up: construct() schedules the stream at its first item
    }
    if (stream.running()) {
      stream.callbackAdded(timeNs);
    } else if (streamTime < 0 || timeNs < streamTime
        || (timeNs == streamTime && Priority.INTERNAL > streamPriority)) {
      scheduleStream(); // a control action or sample raised a callback before the stream's next item
    }
  }

  /** Puts an event on the clock: DSOL's event list, or the plain loop's heap. */
  private void schedule(long timeNs, short priority, String label, Runnable action) {
    if (stream.running()) {
      stream.clockEventAdded(timeNs, priority);
    }
    if (heap != null) {
      heap.add(timeNs, priority, action); // guarded when polled: no wrapper object per event (issue 17)
      return;
    }
    try {
      simulator.scheduleEvent(new KernelEvent(timeNs, priority, label, () -> guarded(timeNs, action)));
    } catch (SimRuntimeException e) {
      throw new IllegalStateException("cannot schedule " + label + " at " + timeNs + " ns", e);
    }
  }

  /**
   * Runs an event's action; remembers the first failure, which pauses DSOL (WARN_AND_PAUSE). Errors are rethrown
   * wrapped: DSOL's loop catches only Exceptions, and an Error would kill its worker and leave the caller waiting.
   */
  private void guarded(long timeNs, Runnable action) {
    try {
      engine.setNow(timeNs);
      action.run();
      audit.run();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
      throw e;
    } catch (Error e) {
      if (failure == null) {
        failure = e;
      }
      throw new IllegalStateException("error in a simulation event", e);
    }
  }

  private final class Model extends AbstractDsolModel<Long, DevsSimulator<Long>> {
    private static final long serialVersionUID = 1L;

    Model() {
      super(Simulation.this.simulator);
    }

    @Override
    public void constructModel() {
      construct();
    }
  }

  private void construct() {
    for (RunSpec.TimedAction ta : spec.timeline()) {
      if (ta.timeNs() <= spec.durationNs()) {
        schedule(ta.timeNs(), Priority.CONTROL, ta.action().describe(), () -> control(ta.action()));
      }
    }
    scheduleGridSample(0);
    scheduleStream();
  }

  private void control(ControlAction action) {
    try {
      engine.during(action.describe(), () -> engine.controlPlane().apply(action));
    } catch (ScenarioException e) {
      throw new ScenarioException("at " + engine.now() + " ns, " + action.describe() + ": " + e.getMessage());
    }
    sample();
  }

  private void scheduleStream() {
    long next = stream.nextTime();
    if (next < 0) {
      streamTime = -1;
      return;
    }
    long generation = ++streamGeneration;
    streamTime = next;
    streamPriority = stream.nextPriority();
    schedule(next, streamPriority, "kernel stream", () -> runStream(generation));
  }

  private void runStream(long generation) {
    if (generation != streamGeneration) {
      return;
    }
    streamTime = -1;
    if (heap != null) {
      stream.run(heap.isEmpty() ? Long.MAX_VALUE : heap.firstTime(), heap.isEmpty() ? 0 : heap.firstPriority());
    } else {
      SimEventInterface<Long> first = simulator.getEventList().first();
      if (first == null) {
        stream.run(Long.MAX_VALUE, (short) 0);
      } else {
        stream.run(first.getAbsoluteExecutionTime(), first.getPriority());
      }
    }
    scheduleStream();
  }

  /** Grid samples chain one at a time, so the event list stays small on long runs. */
  private void scheduleGridSample(long timeNs) {
    if (timeNs <= spec.durationNs()) {
      schedule(timeNs, Priority.SAMPLE, "sample", () -> {
        sample();
        progress.accept(timeNs);
        scheduleGridSample(timeNs + sampleInterval);
      });
    }
  }

  private void sample() {
    series.add(engine.now(), census.take());
    ConservationAudit.check(engine.allocators().all(), engine.now(), engine.currentEvent(), engine.oracle());
  }

  private RunResult execute() {
    CountDownLatch done = new CountDownLatch(1);
    SingleReplication<Long> replication;
    try {
      synchronized (DSOL_CONTEXT) {
        replication = new SingleReplication<>(runId, 0L, 0L, spec.durationNs());
        simulator.initialize(new Model(), replication);
      }
      simulator.addListener(e -> done.countDown(), Replication.END_REPLICATION_EVENT);
      simulator.addListener(e -> done.countDown(), SimulatorInterface.STOP_EVENT);
      if (failure == null) {
        simulator.start();
        done.await();
      }
    } catch (SimRuntimeException e) {
      throw new IllegalStateException("DSOL refused the run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      replayer.close();
    }
    if (simulator.getReplicationState() != nl.tudelft.simulation.dsol.simulators.ReplicationState.ENDED) {
      simulator.cleanUp();
    }
    synchronized (DSOL_CONTEXT) {
      replication.removeFromContext();
    }
    if (failure != null) {
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) failure;
    }
    return finish();
  }

  /** The plain loop: DSOL's order (time, priority, FIFO) from a primitive heap, events up to the end inclusive. */
  private RunResult executePlain() {
    try {
      construct();
      while (!heap.isEmpty() && heap.firstTime() <= spec.durationNs()) {
        long timeNs = heap.firstTime();
        guarded(timeNs, heap.poll());
      }
    } finally {
      replayer.close();
    }
    return finish();
  }

  private RunResult finish() {
    engine.setNow(spec.durationNs());
    engine.endOfRun();
    LeakAudit.run(engine.objects(), engine.world(), spec.durationNs(), engine.oracle(), r -> {
      engine.graph().markReachable(r);
      engine.localStorage().markReachable(r);
    });
    ConservationAudit.recount(engine.objects(), engine.allocators().all(), spec.durationNs(), engine.oracle());
    return RunResults.of(spec, strategyName, engine, series, engine.strategyBreaches());
  }
}
