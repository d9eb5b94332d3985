package org.allocsim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.allocsim.experiment.LibraryRuns;
import org.allocsim.experiment.Regressions;
import org.allocsim.experiment.StrategyRuns;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.ReplayDriver;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.strategy.Strategies;

/**
 * Measures {@link BenchFigures} in one process. Repetitions interleave the things compared (every strategy, the
 * plain loop, naive DSOL), so a slow spell of this shared machine hits all of them alike.
 *
 * @param scale multiplies the workload's simulated time (1: about 7M records)
 * @param repetitions timed repetitions of each replay after one warm-up
 * @param naiveRepetitions timed repetitions of the naive-DSOL replay (it is ~10x slower)
 * @param longRecords records of the streamed long trace (0: skip it)
 * @param parallelRuns runs in the serial-vs-parallel figure
 * @param library library scenario files
 */
public record Bench(double scale, int repetitions, int naiveRepetitions, long longRecords, int parallelRuns,
    List<Path> library) {
  static final int LONG_TRACE_HEAP_MB = 512;
  /** Keys of bench-mixed.yaml's maps, and of its cache-resident variant. */
  static final int KEYS = 4_194_304;
  static final int SMALL_KEYS = 16_384;

  public BenchFigures run(Consumer<String> log) {
    long t0 = System.nanoTime();
    Strategies installed = Strategies.installed();
    List<String> names = installed.names();
    RunSpec generated = BenchWorkload.generated(scale);
    RecordList[] holder = new RecordList[1];
    double generate = Medians.time(() -> holder[0] = BenchWorkload.record(generated));
    RecordList records = holder[0];
    RunSpec spec = BenchWorkload.replaying(generated, records);
    long n = records.size();
    log.accept(String.format("workload: %,d records generated in %.2f s", n, generate));

    // Warm-up: one run of each, which also tells which strategy is the slowest.
    Map<String, Double> warm = new LinkedHashMap<>();
    for (String s : names) {
      warm.put(s, Medians.time(() -> replay(spec, installed, s, ReplayDriver.BATCHED)));
      replay(spec, installed, s, ReplayDriver.PLAIN_LOOP);
    }
    String slowest = warm.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    replay(spec, installed, slowest, ReplayDriver.NAIVE_DSOL);
    log.accept("warmed up; slowest strategy " + slowest);

    Map<String, Medians> batched = new LinkedHashMap<>();
    Map<String, Medians> plain = new LinkedHashMap<>();
    names.forEach(s -> {
      batched.put(s, new Medians());
      plain.put(s, new Medians());
    });
    Medians naive = new Medians();
    Medians referenceSequential = new Medians();
    Medians referenceGrouped = new Medians();
    int cpus = generated.parameters().getInt(KernelParameters.CPUS);
    long[] checks = new long[2];
    for (int r = 0; r < repetitions; r++) {
      for (String s : names) {
        batched.get(s).add(Medians.time(() -> replay(spec, installed, s, ReplayDriver.BATCHED)));
        plain.get(s).add(Medians.time(() -> replay(spec, installed, s, ReplayDriver.PLAIN_LOOP)));
      }
      referenceSequential.add(Medians.time(() -> checks[0] = ReferenceLoop.run(records, KEYS, cpus, false)));
      referenceGrouped.add(Medians.time(() -> checks[1] = ReferenceLoop.run(records, KEYS, cpus, true)));
      if (checks[0] != checks[1]) {
        throw new IllegalStateException("the grouped reference loop diverged from the sequential one");
      }
      if (r < naiveRepetitions) {
        naive.add(Medians.time(() -> replay(spec, installed, slowest, ReplayDriver.NAIVE_DSOL)));
      }
      log.accept("replay repetition " + (r + 1) + " of " + repetitions);
    }
    List<BenchFigures.StrategyFigures> perStrategy = new ArrayList<>();
    for (String s : names) {
      Medians b = batched.get(s);
      perStrategy.add(new BenchFigures.StrategyFigures(s, n / b.median(), n / b.max(), n / b.min(),
          n / plain.get(s).median()));
    }
    // The strategy with the lowest median, which the warm-up only guessed.
    String lowest = perStrategy.stream().min((a, b) -> Double.compare(a.replayRecordsPerS(), b.replayRecordsPerS()))
        .orElseThrow().name();

    // The same mix on 16k keys with flows living 7 ms instead of 700 ms: about 10k live objects, whose object
    // table and map slots fit in the L2 cache. The gap to the figures above is the cost of DRAM misses.
    RecordList smallList = BenchWorkload.record(BenchWorkload.generatedFor(generated.durationNs(),
        Map.of("flow_lifetime", "7ms", "keys", Integer.toString(SMALL_KEYS))));
    RunSpec small = BenchWorkload.replaying(generated, smallList);
    long smallRecords = smallList.size();
    Medians cached = new Medians();
    for (int r = 0; r <= repetitions; r++) {
      double s = Medians.time(() -> replay(small, installed, lowest, ReplayDriver.BATCHED));
      if (r > 0) {
        cached.add(s);
      }
    }
    log.accept(String.format("cache-resident replay: %,.0f records/s", smallRecords / cached.median()));
    Medians smallSequential = new Medians();
    Medians smallGrouped = new Medians();
    for (int r = 0; r <= repetitions; r++) {
      double q = Medians.time(() -> ReferenceLoop.run(smallList, SMALL_KEYS, cpus, false));
      double g = Medians.time(() -> ReferenceLoop.run(smallList, SMALL_KEYS, cpus, true));
      if (r > 0) {
        smallSequential.add(q);
        smallGrouped.add(g);
      }
    }
    BenchFigures.ReferenceFigures reference = new BenchFigures.ReferenceFigures(n / referenceSequential.median(),
        n / referenceGrouped.median(), smallRecords / smallSequential.median(), smallRecords / smallGrouped.median());
    log.accept(String.format("reference loop: %,.0f records/s sequential, %,.0f grouped", reference.sequential(),
        reference.grouped()));

    long[] live = new long[1];
    double bytesPerObject = heapPerLiveObject(spec, installed.create(lowest), live);
    log.accept(String.format("heap: %.1f bytes per live object", bytesPerObject));

    // Serial time is the sum of the replay medians measured above (the same runs, one after another), so only
    // the parallel runs need measuring here.
    Medians parallel = new Medians();
    List<String> cycled = new ArrayList<>();
    double serialSeconds = 0;
    for (int i = 0; i < parallelRuns; i++) {
      cycled.add(names.get(i % names.size()));
      serialSeconds += batched.get(cycled.get(i)).median();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    for (int r = 0; r < Math.min(2, repetitions); r++) {
      parallel.add(Medians.time(() -> StrategyRuns.run(spec, cycled, installed, cores, t -> {})));
    }
    log.accept(String.format("parallel: %.2f s serial, %.2f s on %d cores", serialSeconds, parallel.median(),
        cores));

    int[] libraryCounts = new int[2];
    double librarySeconds = Medians.time(() -> libraryCheck(installed, cores, libraryCounts));
    log.accept(String.format("library: %d runs in %.2f s", libraryCounts[0], librarySeconds));

    BenchFigures.ScenarioFigures scenario = LibraryScenario.measure(library, installed, Math.min(1, scale));
    if (scenario != null) {
      log.accept(String.format("%s: %,d records a run; generated once for all strategies %,.0f records/s",
          scenario.scenario(), scenario.records(), scenario.sharedRecordsPerS()));
    }
    Machine machine = scale >= 1 ? Machine.measure() : Machine.quick();
    log.accept(String.format("machine: %s; dependent DRAM read %.0f ns", machine.cpuModel(),
        machine.dramLatencyNs()));

    BenchFigures.LongTraceFigures longTrace = longRecords <= 0 ? null
        : LongTrace.run(longRecords, n / (double) generated.durationNs(), lowest, LONG_TRACE_HEAP_MB);
    if (longTrace != null) {
      log.accept(String.format("long trace: %,d records in %.1f s", longTrace.records(), longTrace.seconds()));
    }
    return new BenchFigures(n, live[0], n / generate, perStrategy, lowest, n / naive.median(),
        smallRecords / cached.median(), bytesPerObject,
        longTrace, librarySeconds, libraryCounts[0], libraryCounts[1], parallelRuns, serialSeconds,
        parallel.median(), cores, (System.nanoTime() - t0) / 1e9, machine, reference, scenario);
  }

  private static RunResult replay(RunSpec spec, Strategies installed, String strategy, ReplayDriver driver) {
    return Simulation.run(spec, installed.create(strategy), driver, t -> {});
  }

  /**
   * Heap held by one run at its last sample, over its live objects: (used after GC at the end) - (used after GC
   * before), so the records held in memory for the replay do not count. The plain-loop driver runs it because
   * DSOL keeps the previous simulator reachable until the next one starts, which would cancel out of the difference.
   */
  static double heapPerLiveObject(RunSpec spec, org.allocsim.strategy.LifetimeStrategy strategy,
      long[] live) {
    long before = usedAfterGc();
    long[] atEnd = {0};
    RunResult r = Simulation.run(spec, strategy, ReplayDriver.PLAIN_LOOP, t -> {
      if (t >= spec.durationNs() - spec.durationNs() % sampleInterval(spec)) {
        atEnd[0] = usedAfterGc();
      }
    });
    live[0] = r.series().last(Metric.LIVE_OBJECTS);
    return live[0] == 0 ? Double.NaN : (atEnd[0] - before) / (double) live[0];
  }

  private static long sampleInterval(RunSpec spec) {
    return spec.parameters().getLong(KernelParameters.SAMPLE_INTERVAL);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Every library scenario under every strategy, as allocsim check runs it (each at its check duration),
   * expectations checked: counts[0] runs, counts[1] mismatches.
   */
  private void libraryCheck(Strategies installed, int threads, int[] counts) {
    for (LibraryRuns.Outcome o : LibraryRuns.run(library, installed, threads)) {
      counts[0] += o.results().size();
      counts[1] += Regressions.of(o).size();
    }
  }
}
