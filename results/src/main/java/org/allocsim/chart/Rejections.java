package org.allocsim.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.report.Refusals;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Refused loads per strategy as horizontal stacked bars, one colour per reason: every strategy has its row and its
 * name written out (a strategy that refused nothing shows an empty row), the reasons in the legend under the plot.
 * XChart's bar charts do not stack sideways, so each bar segment is an XChart polygon on a row axis.
 */
final class Rejections {
  private static final int MAX_REASON = 60;
  private static final double HALF_BAR = 0.3;

  private Rejections() {}

  /** Null when no strategy refused a load: a chart of zeros says nothing the text does not. */
  static Figure chart(String scenario, List<RunResult> results) {
    Set<String> reasons = new LinkedHashSet<>();
    for (RunResult r : results) {
      r.verdicts().stream().filter(v -> !v.accepted()).forEach(v -> reasons.add(reason(v)));
    }
    if (reasons.isEmpty()) {
      return null;
    }
    XYChart c = Style.plot();
    List<String> names = results.stream().map(RunResult::strategy).toList();
    Ticks rows = Ticks.rows(names);
    double widest = 1;
    for (int s = 0; s < results.size(); s++) {
      double at = 0;
      double row = rows.at()[s];
      int k = 0;
      for (String reason : reasons) {
        long n = results.get(s).verdicts().stream().filter(v -> !v.accepted() && reason(v).equals(reason)).count();
        if (n > 0) {
          XYSeries bar = c.addSeries(names.get(s) + ": " + reason, new double[] {at, at + n, at + n, at},
              new double[] {row - HALF_BAR, row - HALF_BAR, row + HALF_BAR, row + HALF_BAR});
          bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
          bar.setMarker(SeriesMarkers.NONE);
          bar.setLineStyle(SeriesLines.NONE);
          bar.setFillColor(Style.color(k + 1));
          at += n;
        }
        k++;
      }
      widest = Math.max(widest, at);
    }
    List<Axes.Key> keys = new ArrayList<>();
    int k = 0;
    for (String reason : reasons) {
      keys.add(Axes.Key.box(reason, Style.color(++k)));
    }
    Ticks counts = Ticks.of(0, widest * 1.02, 6, true, true);
    return new Figure(new Axes(scenario + ": refused loads by strategy and reason", "refused loads", "", counts,
        List.of(new Axes.Panel(c, rows, "")), keys, Math.max(140, 30 * results.size() + 10)));
  }

  private static String reason(LoadRecord v) {
    String r = Refusals.reasonOf(v.reason());
    return r.length() > MAX_REASON ? r.substring(0, MAX_REASON - 1) + "…" : r;
  }
}
