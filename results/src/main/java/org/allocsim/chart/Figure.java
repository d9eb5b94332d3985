package org.allocsim.chart;

import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * A chart to render with {@link Render}: XChart's plots and the text around them.
 *
 * @param axes the panels, their axes, the title and the legend
 */
public record Figure(Axes axes) {
  public String title() {
    return axes.title();
  }

  /** XChart's plot of each panel, top first: the drawn series, by name. */
  public List<XYChart> charts() {
    return axes.charts();
  }

  public int width() {
    return Style.WIDTH;
  }

  /** Pixels; small multiples and long legends grow it. */
  public int height() {
    return axes.height();
  }
}
