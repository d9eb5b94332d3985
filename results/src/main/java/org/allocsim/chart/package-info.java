/**
 * Charts whose data XChart draws and whose text {@code Axes} draws with drawString, written as
 * PNG and as SVG with real text (JFreeSVG): titles, axis units in the one
 * unit system (KiB/MiB, ms/s), round ticks, legends under the plot, coinciding lines drawn once and named together,
 * and line styles as well as colours so that they survive greyscale printing.
 */
package org.allocsim.chart;
