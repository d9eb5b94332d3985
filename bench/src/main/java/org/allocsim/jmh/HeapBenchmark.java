package org.allocsim.jmh;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.allocsim.bench.BenchWorkload;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.ReplayDriver;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.strategy.Strategies;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap bytes per live simulated object at the end of the full-size bench workload (about a million live objects),
 * reported as the secondary result {@code bytesPerLiveObject}; the primary score is only the run's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class HeapBenchmark {
  private RunSpec spec;

  /** The figure JMH prints next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Figures {
    public double bytesPerLiveObject;

    @Setup(Level.Iteration)
    public void clear() {
      bytesPerLiveObject = 0;
    }
  }

  @Setup
  public void setUp() {
    RunSpec generated = BenchWorkload.generated(1);
    RecordList records = BenchWorkload.record(generated);
    spec = BenchWorkload.replaying(generated, records);
  }

  @Benchmark
  public RunResult heapPerLiveObject(Figures figures) {
    long before = usedAfterGc();
    long[] atEnd = {0};
    RunResult r = Simulation.run(spec, Strategies.installed().create("global"), ReplayDriver.PLAIN_LOOP, t -> {
      if (t >= spec.durationNs()) {
        atEnd[0] = usedAfterGc();
      }
    });
    figures.bytesPerLiveObject = (atEnd[0] - before) / (double) r.series().last(Metric.LIVE_OBJECTS);
    return r;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
