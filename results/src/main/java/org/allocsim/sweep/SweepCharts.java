package org.allocsim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allocsim.chart.Style;
import org.allocsim.stats.Estimate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Sweep charts: each summary metric that varies against each varied parameter, one series per strategy, the mean
 * with 95% CI error bars. With several varied parameters, one chart per value combination of the others.
 */
final class SweepCharts {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s)");

  private SweepCharts() {
  }

  /** File stem to chart, in a fixed order. */
  static Map<String, XYChart> all(SweepResults results) {
    SweepPlan plan = results.plan();
    List<Map<String, String>> points = plan.points();
    Map<String, XYChart> out = new LinkedHashMap<>();
    List<ReplicationStatisticsCache> stats = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      stats.add(new ReplicationStatisticsCache(results.statistics(p).strategies()));
    }
    for (String metric : results.metrics()) {
      if (results.constant(metric)) {
        continue;
      }
      for (String key : plan.varied().keySet()) {
        // Group the points by the values of the other varied parameters.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int p = 0; p < points.size(); p++) {
          StringBuilder others = new StringBuilder();
          for (Map.Entry<String, String> e : points.get(p).entrySet()) {
            if (!e.getKey().equals(key)) {
              others.append(others.length() > 0 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
            }
          }
          groups.computeIfAbsent(others.toString(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
          String stem = metric + "-vs-" + key + (g.getKey().isEmpty() ? "" : "-at-" + g.getKey());
          out.put(stem.replaceAll("[^A-Za-z0-9._=-]+", "_"), chart(plan, metric, key, g.getKey(), g.getValue(),
              points, stats));
        }
      }
    }
    return out;
  }

  private record ReplicationStatisticsCache(Map<String, Map<String, Estimate>> strategies) {
  }

  private static XYChart chart(SweepPlan plan, String metric, String key, String others, List<Integer> group,
      List<Map<String, String>> points, List<ReplicationStatisticsCache> stats) {
    List<String> values = plan.varied().get(key);
    boolean numeric = values.stream().allMatch(v -> number(v) != null);
    String title = plan.scenario() + ": " + metric + (others.isEmpty() ? "" : " at " + others);
    // Readable units: bytes as MiB, nanosecond parameters as milliseconds.
    double yScale = metric.endsWith("_bytes") || metric.endsWith("_bytes_end") ? 1.0 / (1 << 20) : 1;
    String yUnit = yScale != 1 ? " (MiB" : " (";
    double xScale = numeric && key.endsWith("_ns") ? 1e-6 : 1;
    String xTitle = !numeric ? key + " (value number)" : xScale != 1 ? key.substring(0, key.length() - 3) + " (ms)"
        : key;
    XYChart c = new XYChartBuilder().width(Style.WIDTH).height(Style.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(metric + yUnit + (yScale != 1 ? ", " : "") + "mean, 95% CI)").build();
    Style.apply(c);
    c.getStyler().setMarkerSize(7);
    c.getStyler().setErrorBarsColorSeriesColor(true);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    for (int s = 0; s < plan.strategies().size(); s++) {
      String strategy = plan.strategies().get(s);
      double[] x = new double[group.size()];
      double[] y = new double[group.size()];
      double[] err = new double[group.size()];
      for (int i = 0; i < group.size(); i++) {
        int p = group.get(i);
        String v = points.get(p).get(key);
        x[i] = numeric ? number(v) * xScale : values.indexOf(v) + 1;
        Estimate e = stats.get(p).strategies().get(strategy).get(metric);
        y[i] = e.mean() * yScale;
        err[i] = Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth() * yScale;
      }
      XYSeries series = c.addSeries(strategy, x, y, err);
      series.setLineColor(Style.color(s));
      series.setLineStyle(Style.stroke(s));
      series.setMarkerColor(Style.color(s));
      series.setMarker(MARKERS[s % MARKERS.length]);
    }
    return c;
  }

  private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE,
      SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN,
      SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL};

  /** A plain number, or a duration such as 5ms in nanoseconds; null otherwise. */
  static Double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      Matcher m = DURATION.matcher(v);
      if (!m.matches()) {
        return null;
      }
      double scale = switch (m.group(2)) {
        case "us" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        default -> 1;
      };
      return Double.parseDouble(m.group(1)) * scale;
    }
  }
}
