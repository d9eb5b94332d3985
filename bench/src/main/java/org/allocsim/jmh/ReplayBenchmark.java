package org.allocsim.jmh;

import java.util.concurrent.TimeUnit;
import org.allocsim.bench.BenchWorkload;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.ReplayDriver;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.strategy.Strategies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole replay of the bench workload per invocation, records held in memory. The primary score is replays per
 * second; the secondary result {@code records} is records per second, the figure {@code allocsim bench} prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseTransparentHugePages"})
public class ReplayBenchmark {
  @Param({"0.25"})
  public double scale;

  @Param({"global"})
  public String strategy;

  private RunSpec spec;

  @Setup
  public void setUp() {
    RunSpec generated = BenchWorkload.generated(scale);
    RecordList records = BenchWorkload.record(generated);
    spec = BenchWorkload.replaying(generated, records);
  }

  /** Records applied, which JMH reports per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Records {
    public long records;

    @Setup(Level.Iteration)
    public void clear() {
      records = 0;
    }
  }

  private RunResult run(ReplayDriver driver, Records counter) {
    RunResult r = Simulation.run(spec, Strategies.installed().create(strategy), driver, t -> {});
    counter.records += r.summary().records();
    return r;
  }

  /** The full engine: DSOL with batched replay, model, strategy, oracle, metrics. */
  @Benchmark
  public RunResult replay(Records counter) {
    return run(ReplayDriver.BATCHED, counter);
  }

  /** The baseline: one DSOL event per record. */
  @Benchmark
  public RunResult naiveDsol(Records counter) {
    return run(ReplayDriver.NAIVE_DSOL, counter);
  }

  /** The limit: the same model and batches on a plain event heap, no DSOL. */
  @Benchmark
  public RunResult rawLoop(Records counter) {
    return run(ReplayDriver.PLAIN_LOOP, counter);
  }
}
