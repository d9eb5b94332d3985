package org.allocsim.bench;

import java.util.List;

/**
 * Everything one {@code allocsim bench} run measured. Rates are records per second of wall time, medians of the
 * repetitions; every ratio divides two figures of this same run.
 *
 * @param records records of the workload (each replay applies all of them)
 * @param liveObjects live simulated objects at the end of the workload
 * @param generateRecordsPerS the workload generator alone (Zipf/uniform keys, log-normal lifetimes), into memory
 * @param strategies per-strategy replay and plain-loop figures, in {@code allocsim list} order
 * @param slowest the strategy with the lowest replay rate; the headline figures use it
 * @param naiveDsolRecordsPerS the slowest strategy with one DSOL event per record
 * @param cacheResidentRecordsPerS the slowest strategy's replay of the same mix on 16k keys, ~10k live objects
 * @param bytesPerLiveObject heap held by a run (after GC, engine, world, tables, DSOL) per live object
 * @param longTrace the streamed long trace in a child JVM
 * @param librarySeconds wall time of every library scenario under every strategy, expectations checked
 * @param libraryRuns scenario x strategy runs in that check
 * @param libraryMismatches expectation mismatches found by that check
 * @param parallelRuns runs in the parallel figure (strategies cycled to this count)
 * @param serialSeconds those runs one after another (median)
 * @param parallelSeconds those runs on every core (median)
 * @param cores available processors
 * @param wallSeconds the whole bench
 * @param machine what the bench read off the machine
 * @param reference the independent reference loop on the same records ({@link ReferenceLoop})
 * @param library full runs of one library scenario, generator included; null without the library
 */
public record BenchFigures(long records, long liveObjects, double generateRecordsPerS, List<StrategyFigures> strategies,
    String slowest, double naiveDsolRecordsPerS, double cacheResidentRecordsPerS, double bytesPerLiveObject,
    LongTraceFigures longTrace,
    double librarySeconds, int libraryRuns, int libraryMismatches, int parallelRuns, double serialSeconds,
    double parallelSeconds, int cores, double wallSeconds, Machine machine, ReferenceFigures reference,
    ScenarioFigures library) {

  /**
   * The reference loop's rates (medians, interleaved with the replays).
   *
   * @param sequential one record at a time, 1M-live workload
   * @param grouped addresses of {@link ReferenceLoop#GROUP} records touched first, same workload
   * @param cacheResidentSequential one record at a time, the 10k-live workload
   * @param cacheResidentGrouped grouped, the 10k-live workload
   */
  public record ReferenceFigures(double sequential, double grouped, double cacheResidentSequential,
      double cacheResidentGrouped) {}

  /**
   * Full runs of one library scenario, each generating its own records as {@code allocsim run} does.
   *
   * @param scenario its name
   * @param records records of one run
   * @param perStrategy records per second of each strategy's run, generator included, in strategy order
   * @param names the strategies
   * @param sharedRecordsPerS all strategies' records over the time of running them all with the records
   *     generated once (as check does), on one core
   */
  public record ScenarioFigures(String scenario, long records, List<String> names, List<Double> perStrategy,
      double sharedRecordsPerS) {}

  /**
   * Replay figures of one strategy.
   *
   * @param name strategy
   * @param replayRecordsPerS full engine: DSOL, batched replay, model, strategy, oracle, metrics
   * @param replayMin slowest repetition
   * @param replayMax fastest repetition
   * @param rawLoopRecordsPerS the same run with no DSOL (plain event heap)
   */
  public record StrategyFigures(String name, double replayRecordsPerS, double replayMin, double replayMax,
      double rawLoopRecordsPerS) {}

  /**
   * The long streamed trace.
   *
   * @param records records streamed (generated on the fly and replayed)
   * @param maxHeapBytes the child's -Xmx
   * @param peakHeapBytes highest heap in use (garbage included) at the metric samples
   * @param seconds wall time of the child
   * @param ok whether the child finished without running out of memory
   */
  public record LongTraceFigures(long records, long maxHeapBytes, long peakHeapBytes, double seconds, boolean ok) {}

  StrategyFigures slowestFigures() {
    return strategies.stream().filter(s -> s.name().equals(slowest)).findFirst().orElseThrow();
  }

  public double replayRecordsPerS() {
    return slowestFigures().replayRecordsPerS();
  }

  public double rawLoopRecordsPerS() {
    return slowestFigures().rawLoopRecordsPerS();
  }

  /** Serial time over parallel time. */
  public double parallelSpeedup() {
    return serialSeconds / parallelSeconds;
  }
}
