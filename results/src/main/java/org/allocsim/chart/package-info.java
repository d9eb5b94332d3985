/**
 * Charts made with XChart, written as PNG and SVG: titles, axis units, a legend, and line styles as well as colours
 * so that they survive greyscale printing.
 */
package org.allocsim.chart;
