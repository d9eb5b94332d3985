package org.allocsim.chart;

import java.awt.Color;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.report.Refusals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Refused loads per strategy as horizontal stacked bars, one colour per reason: every strategy has its row and its
 * name written out (a strategy that refused nothing shows an empty bar), the reasons in the legend under the plot.
 */
final class Rejections {
  private static final int MAX_REASON = 60;

  private Rejections() {
  }

  /** Null when no strategy refused a load: a chart of zeros says nothing the text does not. */
  static Figure chart(String scenario, List<RunResult> results) {
    Set<String> reasons = new LinkedHashSet<>();
    for (RunResult r : results) {
      r.verdicts().stream().filter(v -> !v.accepted()).forEach(v -> reasons.add(reason(v)));
    }
    if (reasons.isEmpty()) {
      return null;
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String reason : reasons) {
      for (RunResult r : results) {
        data.addValue(r.verdicts().stream().filter(v -> !v.accepted() && reason(v).equals(reason)).count(),
            reason, r.strategy());
      }
    }
    CategoryAxis strategies = new CategoryAxis(null);
    strategies.setTickLabelFont(Style.LABEL);
    StackedBarRenderer bars = new StackedBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setMaximumBarWidth(0.6);
    for (int i = 0; i < reasons.size(); i++) {
      bars.setSeriesPaint(i, Style.color(i + 1));
    }
    CategoryPlot plot = new CategoryPlot(data, strategies, Style.axis("refused loads", true), bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    JFreeChart chart = Style.apply(new JFreeChart(scenario + ": refused loads by strategy and reason", Style.TITLE,
        plot, true));
    int height = Math.max(260, 120 + 30 * results.size() + 18 * reasons.size());
    return new Figure(chart, Style.WIDTH, height);
  }

  private static String reason(LoadRecord v) {
    String r = Refusals.reasonOf(v.reason());
    return r.length() > MAX_REASON ? r.substring(0, MAX_REASON - 1) + "…" : r;
  }
}
