package org.allocsim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allocsim.chart.Figure;
import org.allocsim.chart.Scale;
import org.allocsim.chart.SmallMultiples;
import org.allocsim.stats.Estimate;
import org.allocsim.stats.ReplicationStatistics;

/**
 * Sweep charts: one per summary metric that varies, against the first varied parameter, one series per strategy,
 * the mean with 95% CI error bars. With more varied parameters, one panel per value combination of the others, in
 * the same chart (small multiples on one scale), so that a 2-factor sweep writes a few charts, not dozens.
 */
final class SweepCharts {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s)");

  private SweepCharts() {}

  /** File stem to chart, in a fixed order. */
  static Map<String, Figure> all(SweepResults results) {
    SweepPlan plan = results.plan();
    List<Map<String, String>> points = plan.points();
    List<ReplicationStatistics> stats = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      stats.add(results.statistics(p));
    }
    String key = plan.varied().keySet().iterator().next();
    List<String> values = plan.varied().get(key);
    boolean numeric = values.stream().allMatch(v -> number(v) != null);
    boolean durations = numeric && values.stream().anyMatch(v -> DURATION.matcher(v).matches());
    double xScale = numeric && (key.endsWith("_ns") || durations) ? 1e-6 : 1;
    String xTitle = !numeric ? key + " (value number)"
        : xScale == 1 ? key : key.endsWith("_ns") ? key.substring(0, key.length() - 3) + " (ms)" : key + " (ms)";
    // Group the points by the values of the other varied parameters: one panel each.
    Map<String, List<Integer>> panels = new LinkedHashMap<>();
    for (int p = 0; p < points.size(); p++) {
      StringBuilder others = new StringBuilder();
      for (Map.Entry<String, String> e : points.get(p).entrySet()) {
        if (!e.getKey().equals(key)) {
          others.append(others.length() > 0 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
        }
      }
      panels.computeIfAbsent(others.toString(), k -> new ArrayList<>()).add(p);
    }
    Map<String, Figure> out = new LinkedHashMap<>();
    for (String metric : results.metrics()) {
      if (results.constant(metric)) {
        continue;
      }
      boolean bytes = metric.endsWith("_bytes") || metric.endsWith("_bytes_end");
      double max = 0;
      for (ReplicationStatistics st : stats) {
        for (Map<String, Estimate> m : st.strategies().values()) {
          max = Math.max(max, Math.abs(m.get(metric).mean()));
        }
      }
      Scale unit = Scale.bytes(max); // the one unit system: KiB below a MiB, MiB from there
      double yScale = bytes ? unit.factor() : metric.endsWith("fraction") ? 100 : 1;
      String yTitle = metric + (bytes ? " (" + unit.unit() + ")" : metric.endsWith("fraction") ? " (%)" : "");
      List<String> names = new ArrayList<>();
      List<List<SmallMultiples.Series>> data = new ArrayList<>();
      panels.forEach((others, group) -> {
        names.add(others);
        List<SmallMultiples.Series> panel = new ArrayList<>();
        for (String strategy : plan.strategies()) {
          double[] x = new double[group.size()];
          double[] mean = new double[group.size()];
          double[] half = new double[group.size()];
          for (int i = 0; i < group.size(); i++) {
            String v = points.get(group.get(i)).get(key);
            x[i] = numeric ? number(v) * xScale : values.indexOf(v) + 1;
            Estimate e = stats.get(group.get(i)).strategies().get(strategy).get(metric);
            mean[i] = e.mean() * yScale;
            half[i] = Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth() * yScale;
          }
          panel.add(new SmallMultiples.Series(strategy, x, mean, half));
        }
        data.add(panel);
      });
      String title = plan.scenario() + ": " + metric + " (mean, 95% CI)";
      out.put(metric.replaceAll("[^A-Za-z0-9._=-]+", "_"), SmallMultiples.errorBars(title, xTitle, yTitle,
          !bytes && !metric.endsWith("fraction"), names, data));
    }
    return out;
  }

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
