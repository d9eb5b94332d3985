package org.allocsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.allocsim.chart.Style;
import org.allocsim.kernel.CompactRecords;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.strategy.Strategies;
import org.allocsim.chart.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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
public record ScaleCurve(long[] live, String strategy) {

  /** One measured point. */
  public record Point(String keys, long wantedLive, long liveObjects, long records, double replayRecordsPerS,
      double referenceGroupedRecordsPerS, double bytesPerLiveObject) {
  }

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

  /** Records per second (replay and grouped reference) and bytes per object against live objects (log x). */
  public static Figure chart(List<Point> points, String strategy) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (String keys : new String[] {"uniform", "zipf"}) {
      List<Point> ps = points.stream().filter(p -> p.keys().equals(keys)).toList();
      if (ps.isEmpty()) {
        continue;
      }
      XYSeries replay = new XYSeries("replay, " + keys + " (M records/s)");
      XYSeries reference = new XYSeries("reference grouped, " + keys + " (M records/s)");
      XYSeries heap = new XYSeries("heap, " + keys + " (B/object)");
      for (Point p : ps) {
        double x = Math.max(1, p.liveObjects());
        replay.add(x, p.replayRecordsPerS() / 1e6);
        reference.add(x, p.referenceGroupedRecordsPerS() / 1e6);
        heap.add(x, p.bytesPerLiveObject());
      }
      data.addSeries(replay);
      data.addSeries(reference);
      data.addSeries(heap);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, Style.color(i));
      r.setSeriesStroke(i, Style.stroke(i / 3));
    }
    XYPlot plot = new XYPlot(data, new LogAxis("live objects"), new LogAxis("M records/s | heap B/object (log)"), r);
    JFreeChart c = new JFreeChart("replay (" + strategy + ") and reference by live objects", plot);
    return new Figure(c, Style.WIDTH, Style.HEIGHT);
  }
}
