package org.allocsim.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Sparklines in plain ASCII, one per series on a shared scale, for mailing-list replies where pictures are not
 * welcome: {@code " .:-=+*#%@"} from lowest to highest, each column the mean of its time bucket.
 */
final class AsciiChart {
  private static final String LEVELS = " .:-=+*#%@";

  private AsciiChart() {}

  /** A named series sampled at times. */
  @SuppressWarnings("ArrayRecordComponent") // a short-lived carrier, never compared
  record Series(String name, long[] timesNs, double[] values) {}

  /** Rows "name |sparkline|" of total width at most 72, then a scale line. */
  static String render(List<Series> series, long endNs, int width, DoubleFunction<String> unit) {
    double max = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        max = Math.max(max, v);
      }
    }
    StringBuilder b = new StringBuilder();
    for (Series s : series) {
      b.append(String.format(Locale.ROOT, "%-20s |%s|%n", clip(s.name(), 20), line(s, endNs, width, max)));
    }
    b.append(String.format(Locale.ROOT, "%-20s  0%" + (width - 1) + "s%n", "", Units.time(endNs)));
    b.append(String.format(Locale.ROOT, "%-20s  scale: ' ' = 0 ... '@' = %s%n", "", unit.apply(max)));
    return b.toString();
  }

  private static String line(Series s, long endNs, int width, double max) {
    double[] sum = new double[width];
    int[] n = new int[width];
    for (int i = 0; i < s.timesNs().length; i++) {
      int col = endNs <= 0 ? 0 : (int) Math.min(width - 1, s.timesNs()[i] * (double) width / (endNs + 1));
      sum[col] += s.values()[i];
      n[col]++;
    }
    StringBuilder b = new StringBuilder();
    double last = 0;
    for (int c = 0; c < width; c++) {
      double v = n[c] > 0 ? sum[c] / n[c] : last;
      last = v;
      int level = max <= 0 ? 0 : (int) Math.round(v / max * (LEVELS.length() - 1));
      b.append(LEVELS.charAt(Math.max(0, Math.min(LEVELS.length() - 1, level))));
    }
    return b.toString();
  }

  static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
