package org.allocsim.chart;

import org.jfree.chart.JFreeChart;

/**
 * A chart and the size to draw it at.
 *
 * @param chart the chart
 * @param width pixels
 * @param height pixels (small multiples grow with their panels)
 */
public record Figure(JFreeChart chart, int width, int height) {
  static Figure of(JFreeChart chart) {
    return new Figure(chart, Style.WIDTH, Style.HEIGHT);
  }
}
