package org.allocsim.chart;

import java.awt.BasicStroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of one run set. Each is rendered to PNG and SVG bytes by {@link #png} and {@link #svg}. */
public final class Charts {
  private Charts() {
  }

  /**
   * Chart file stem to chart, in a fixed order. replicated: every replication's runs, each in the same strategy
   * order; with several, the time series show the mean and its 95% band, and the per-run charts the first.
   */
  public static Map<String, Chart<?, ?>> all(String scenario, List<List<RunResult>> replicated) {
    List<RunResult> results = replicated.get(0);
    String over = replicated.size() > 1 ? " (mean, 95% CI, n=" + replicated.size() + ")" : "";
    Map<String, Chart<?, ?>> out = new LinkedHashMap<>();
    out.put("memory", lines(scenario + ": allocator memory" + over, "MiB", replicated, Metric.TOTAL_BYTES,
        1.0 / (1 << 20)));
    for (RunResult r : results) {
      out.put("breakdown-" + r.strategy(), Breakdown.chart(scenario, r));
    }
    out.put("warmth", warmth(scenario, over, replicated));
    out.put("rejections", rejections(scenario, results));
    out.put("failed-allocs", lines(scenario + ": failed allocations (cumulative)" + over, "allocations", replicated,
        Metric.FAILED_ALLOCS, 1));
    out.put("allocators", lines(scenario + ": live allocators" + over, "allocators", replicated,
        Metric.LIVE_ALLOCATORS, 1));
    return out;
  }

  static double[] seconds(MetricSeries s) {
    double[] t = new double[s.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = s.time(i) / 1e9;
    }
    return t;
  }

  private static XYChart xy(String title, String yTitle) {
    XYChart c = new XYChartBuilder().width(Style.WIDTH).height(Style.HEIGHT).title(title).xAxisTitle("time (s)")
        .yAxisTitle(yTitle).build();
    Style.apply(c);
    c.getStyler().setMarkerSize(0);
    // A sampled value holds until the next sample: steps, not slopes.
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    return c;
  }

  private static XYChart lines(String title, String yTitle, List<List<RunResult>> replicated, Metric m,
      double scale) {
    XYChart c = xy(title, yTitle);
    for (int i = 0; i < replicated.get(0).size(); i++) {
      Bands.add(c, replicated.get(0).get(i).strategy(), strategy(replicated, i), r -> {
        long[] v = r.series().values(m);
        double[] y = new double[v.length];
        for (int k = 0; k < v.length; k++) {
          y[k] = v[k] * scale;
        }
        return y;
      }, i);
    }
    return c;
  }

  private static XYChart warmth(String scenario, String over, List<List<RunResult>> replicated) {
    XYChart c = xy(scenario + ": warm share of allocations per interval" + over, "fraction warm");
    c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    for (int i = 0; i < replicated.get(0).size(); i++) {
      Bands.add(c, replicated.get(0).get(i).strategy(), strategy(replicated, i),
          r -> r.series().warmSharePerInterval(), i);
    }
    return c;
  }

  /** The runs of the strategy at index i, one per replication. */
  private static List<RunResult> strategy(List<List<RunResult>> replicated, int i) {
    return replicated.stream().map(r -> r.get(i)).toList();
  }

  static void add(XYChart c, String name, double[] x, double[] y, int index) {
    if (x.length == 0) {
      x = new double[] {0};
      y = new double[] {0};
    }
    XYSeries s = c.addSeries(name, x, y);
    s.setLineColor(Style.color(index));
    s.setLineStyle(Style.stroke(index));
    s.setMarker(SeriesMarkers.NONE);
  }

  /** Refused loads per strategy, stacked by reason (the reason's first words). */
  private static CategoryChart rejections(String scenario, List<RunResult> results) {
    CategoryChart c = new CategoryChartBuilder().width(Style.WIDTH).height(Style.HEIGHT)
        .title(scenario + ": refused loads by reason").xAxisTitle("strategy").yAxisTitle("refused loads").build();
    Style.apply(c);
    c.getStyler().setStacked(true);
    c.getStyler().setXAxisLabelRotation(20);
    List<String> strategies = new ArrayList<>();
    results.forEach(r -> strategies.add(r.strategy()));
    TreeSet<String> reasons = new TreeSet<>();
    for (RunResult r : results) {
      r.verdicts().stream().filter(v -> !v.accepted()).forEach(v -> reasons.add(shortReason(v)));
    }
    if (reasons.isEmpty()) {
      reasons.add("none refused");
    }
    int i = 0;
    for (String reason : reasons) {
      List<Double> counts = new ArrayList<>();
      for (RunResult r : results) {
        counts.add((double) r.verdicts().stream().filter(v -> !v.accepted() && shortReason(v).equals(reason))
            .count());
      }
      c.addSeries(reason, strategies, counts).setFillColor(Style.color(i++));
    }
    return c;
  }

  static String shortReason(LoadRecord v) {
    String r = v.reason();
    int colon = r.indexOf(':');
    String head = colon > 0 ? r.substring(0, colon) : r;
    return head.length() > 40 ? head.substring(0, 39) + "…" : head;
  }

  @SuppressWarnings("deprecation") // XChart 4.0 has no replacement that writes to memory
  public static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("deprecation") // XChart 4.0 has no replacement that writes to memory
  public static byte[] svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BasicStroke solid() {
    return new BasicStroke(1f);
  }
}
