package org.allocsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.allocsim.chart.SmallMultiples;
import org.allocsim.kernel.CompactRecords;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.strategy.Strategies;
import org.allocsim.chart.Figure;

/**
 * Replay speed and heap per live object as the live set grows from 10^4 to 10^7 objects, uniform and Zipf keys
 * (issue 17). Each point is bench-mixed.yaml with four keys per wanted live object (a quarter-full map, as in the
 * bench) and a flow lifetime scaled to the wanted live set; the 10^7 point runs longer so that enough flows start.
 * Records are generated once per point into memory ({@link CompactRecords}) and replayed; the reference loop runs
 * on the same records in the same process, so every point has its own ratio.
 *
 * @param live wanted live objects of each point
 * @param strategy the strategy replayed
 */
// A configuration value, never compared or hashed: the array component is safe here.
@SuppressWarnings("ArrayRecordComponent")
public record ScaleCurve(long[] live, String strategy) {

  /** One measured point. */
  public record Point(String keys, long wantedLive, long liveObjects, long records, double replayRecordsPerS,
      double referenceGroupedRecordsPerS, double bytesPerLiveObject) {}

  public List<Point> run(Consumer<String> log) {
    Strategies installed = Strategies.installed();
    List<Point> points = new ArrayList<>();
    for (boolean zipf : new boolean[] {false, true}) {
      for (long want : live) {
        points.add(point(installed, want, zipf));
        log.accept(line(points.get(points.size() - 1)));
      }
    }
    return points;
  }

  private Point point(Strategies installed, long want, boolean zipf) {
    // 1M live at 700 ms median lifetime in 2 s (the bench); beyond that the flows need more time to accumulate.
    long durationNs = want > 2_000_000 ? 10_000_000_000L : BenchWorkload.DURATION_NS;
    double lifetimeMs = want > 2_000_000 ? 7000.0 * want / 10_000_000 : 0.7 * want / 1000.0;
    long keys = Math.max(1024, 4 * want);
    RunSpec generated = BenchWorkload.generatedFor(durationNs, Map.of("flow_lifetime",
        String.format(Locale.ROOT, "%.3fms", lifetimeMs), "keys", Long.toString(keys)), zipf);
    CompactRecords records = CompactRecords.of(generated.records().apply(new RandomStreams(generated.seed(),
        generated.replication())), Long.MAX_VALUE);
    RunSpec spec = new RunSpec(generated.name(), generated.durationNs(), generated.seed(), generated.replication(),
        generated.parameters(), generated.kernelTypes(), generated.timeline(), streams -> records.stream());
    int cpus = generated.parameters().getInt(KernelParameters.CPUS);
    Simulation.run(spec, installed.create(strategy)); // warm-up
    Medians replay = new Medians();
    Medians reference = new Medians();
    for (int r = 0; r < 2; r++) {
      replay.add(Medians.time(() -> Simulation.run(spec, installed.create(strategy))));
      reference.add(Medians.time(() -> ReferenceLoop.run(records.stream(), (int) keys, cpus, true)));
    }
    long[] liveAtEnd = new long[1];
    double bytes = Bench.heapPerLiveObject(spec, installed.create(strategy), liveAtEnd);
    long n = records.size();
    return new Point(zipf ? "zipf" : "uniform", want, liveAtEnd[0], n, n / replay.median(), n / reference.median(),
        bytes);
  }

  static String line(Point p) {
    return String.format(Locale.ROOT, "%-8s %12d %12d %12d %12s %12s %9.1f", p.keys(), p.wantedLive(),
        p.liveObjects(), p.records(), BenchText.mega(p.replayRecordsPerS()),
        BenchText.mega(p.referenceGroupedRecordsPerS()), p.bytesPerLiveObject());
  }

  public static String table(List<Point> points) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s %12s %12s %12s %12s %12s %9s%n", "keys",
        "wanted live", "live", "records", "replay/s", "reference/s", "B/object"));
    points.forEach(p -> b.append(line(p)).append('\n'));
    return b.toString();
  }

  /**
   * Two panels against log10 of the live objects: the replay's records per second (in 10^4, so both panels share one axis) and the heap bytes per
   * live object, one line per key distribution (the reference's rates are in the table).
   */
  public static Figure chart(List<Point> points, String strategy) {
    List<SmallMultiples.Series> rates = new ArrayList<>();
    List<SmallMultiples.Series> heap = new ArrayList<>();
    for (String keys : new String[] {"uniform", "zipf"}) {
      List<Point> ps = points.stream().filter(p -> p.keys().equals(keys)).toList();
      double[] x = ps.stream().mapToDouble(p -> Math.log10((double) Math.max(1, p.liveObjects()))).toArray();
      double[] zero = new double[x.length];
      rates.add(new SmallMultiples.Series(keys, x, ps.stream().mapToDouble(p -> p.replayRecordsPerS() / 1e4)
          .toArray(), zero));
      heap.add(new SmallMultiples.Series(keys, x, ps.stream().mapToDouble(Point::bytesPerLiveObject).toArray(),
          zero));
    }
    return SmallMultiples.errorBars("replay of " + strategy + " by live objects", "log10 live objects",
        "see panel", false, List.of("replay, 10^4 records/s (shared axis)", "heap, bytes per live object"),
        List.of(rates, heap));
  }
}
