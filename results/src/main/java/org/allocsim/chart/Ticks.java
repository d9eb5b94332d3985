package org.allocsim.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An axis range and its ticks. Numeric ticks step by 1, 2 or 5 times a power of ten and are written in full, with
 * thousands separators and no exponent (issue 16: ticks like 3,848,466.352884901 and 2.6214E5); category ticks
 * carry their own names.
 *
 * @param lo the axis start
 * @param hi the axis end
 * @param at tick positions
 * @param labels tick texts, one per position
 * @param grid whether a grid line marks each tick (not for category rows)
 */
record Ticks(double lo, double hi, double[] at, String[] labels, boolean grid) {

  /**
   * About target ticks over [min, max]; integral: whole steps only (counts). extend: the range grows to the ticks
   * around it (a value axis), otherwise it stays [min, max] (time).
   */
  static Ticks of(double min, double max, int target, boolean integral, boolean extend) {
    if (!(max > min)) {
      max = min + (integral ? 1 : Math.max(1, Math.abs(min)));
    }
    double step = step((max - min) / target, integral);
    double first = Math.ceil(min / step - 1e-9) * step;
    double lo = extend ? Math.floor(min / step + 1e-9) * step : min;
    double hi = extend ? Math.ceil(max / step - 1e-9) * step : max;
    int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
    double[] at = new double[n];
    String[] labels = new String[n];
    DecimalFormat f = format(step);
    for (int i = 0; i < n; i++) {
      at[i] = first + i * step;
      labels[i] = f.format(Math.abs(at[i]) < step * 1e-9 ? 0 : at[i]);
    }
    return new Ticks(lo, hi, at, labels, true);
  }

  /** One row per name, the first at the top. */
  static Ticks rows(java.util.List<String> names) {
    int n = names.size();
    double[] at = new double[n];
    for (int i = 0; i < n; i++) {
      at[i] = n - 1 - i;
    }
    return new Ticks(-0.6, n - 0.4, at, names.toArray(String[]::new), false);
  }

  /** The round step (1, 2 or 5 times a power of ten) at or above raw. */
  static double step(double raw, boolean integral) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = 10 * power;
    for (int m : new int[] {1, 2, 5}) {
      if (m * power >= raw * (1 - 1e-9)) {
        step = m * power;
        break;
      }
    }
    return integral ? Math.max(1, step) : step;
  }

  private static DecimalFormat format(double step) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
  }
}
