package org.allocsim.chart;

/**
 * An axis unit: the one unit system of every output (bytes in KiB or MiB, time in ms or s), picked from the largest
 * value so that ticks stay short.
 *
 * @param unit the unit's name for the axis label
 * @param factor multiply a raw value (bytes, ns) by this to get the unit
 */
public record Scale(String unit, double factor) {
  static final Scale ONE = new Scale("", 1);

  /** KiB below one MiB, MiB from there. */
  public static Scale bytes(double maxBytes) {
    return maxBytes < (1 << 20) ? new Scale("KiB", 1.0 / 1024) : new Scale("MiB", 1.0 / (1 << 20));
  }

  /** ms below two seconds, s from there. */
  static Scale time(double maxNs) {
    return maxNs < 2e9 ? new Scale("ms", 1e-6) : new Scale("s", 1e-9);
  }

  double[] apply(long[] raw) {
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = raw[i] * factor;
    }
    return out;
  }

  /** "what (unit)", or just what for a unitless axis. */
  String label(String what) {
    return unit.isEmpty() ? what : what + " (" + unit + ")";
  }
}
