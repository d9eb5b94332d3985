package org.allocsim.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A chart of lines drawn as steps (a sampled value holds until the next sample). Lines that draw exactly the same points are
 * drawn once, under one legend entry naming them all ("a = b = c"), so that no legend entry points at a hidden
 * line; with replications each line carries its 95% band as a light area.
 */
final class Lines {
  /** Buckets of the min/max thinning: about one point per pixel column of the plot. */
  static final int BUCKETS = 700;

  private Lines() {
  }

  /** Groups coinciding lines; each group keeps the first line's style and names all its members. */
  static List<Line> merged(List<Line> lines) {
    List<List<Line>> groups = new ArrayList<>();
    for (Line l : lines) {
      List<Line> home = null;
      for (List<Line> g : groups) {
        if (g.get(0).coincides(l)) {
          home = g;
          break;
        }
      }
      if (home == null) {
        groups.add(home = new ArrayList<>());
      }
      home.add(l);
    }
    List<Line> out = new ArrayList<>();
    for (List<Line> g : groups) {
      out.add(g.size() == 1 ? g.get(0) : g.get(0).named(String.join(" = ", g.stream().map(Line::label).toList())
          + " (identical)"));
    }
    return out;
  }

  static JFreeChart chart(String title, NumberAxis x, NumberAxis y, List<Line> lines) {
    List<Line> drawn = merged(lines).stream().map(l -> l.thinned(BUCKETS).stepped()).toList();
    boolean bands = drawn.stream().anyMatch(l -> l.lower() != null);
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    if (bands) {
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      for (Line l : drawn) {
        YIntervalSeries s = new YIntervalSeries(l.label(), false, true);
        for (int i = 0; i < l.x().length; i++) {
          s.add(l.x()[i], l.y()[i], l.lower() == null ? l.y()[i] : l.lower()[i],
              l.upper() == null ? l.y()[i] : l.upper()[i]);
        }
        data.addSeries(s);
      }
      DeviationRenderer r = new DeviationRenderer(true, false);
      r.setAlpha(0.25f); // exact in binary: short SVG attributes
      style(r, drawn);
      plot.setDataset(data);
      plot.setRenderer(r);
    } else {
      XYSeriesCollection data = new XYSeriesCollection();
      for (Line l : drawn) {
        XYSeries s = new XYSeries(l.label(), false, true);
        for (int i = 0; i < l.x().length; i++) {
          s.add(l.x()[i], l.y()[i]);
        }
        data.addSeries(s);
      }
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
      style(r, drawn);
      plot.setDataset(data);
      plot.setRenderer(r);
    }
    return Style.apply(new JFreeChart(title, Style.TITLE, plot, true));
  }

  /** One path per line (a small SVG, dashes that run on), in the line's colour and dash pattern. */
  private static void style(XYLineAndShapeRenderer r, List<Line> drawn) {
    r.setDefaultShapesVisible(false);
    r.setAutoPopulateSeriesPaint(false);
    r.setAutoPopulateSeriesStroke(false);
    r.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < drawn.size(); i++) {
      r.setSeriesPaint(i, Style.color(drawn.get(i).style()));
      r.setSeriesStroke(i, Style.stroke(drawn.get(i).style()));
      r.setSeriesFillPaint(i, Style.color(drawn.get(i).style()));
    }
  }
}
