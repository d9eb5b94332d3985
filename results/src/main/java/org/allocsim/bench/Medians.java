package org.allocsim.bench;

import java.util.Arrays;

/** Repeated wall-clock measurements of one thing; this noisy 2-core machine is summarised by medians. */
final class Medians {
  private double[] seconds = new double[0];

  void add(double s) {
    seconds = Arrays.copyOf(seconds, seconds.length + 1);
    seconds[seconds.length - 1] = s;
  }

  int count() {
    return seconds.length;
  }

  double median() {
    double[] s = seconds.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  double min() {
    return Arrays.stream(seconds).min().orElse(Double.NaN);
  }

  double max() {
    return Arrays.stream(seconds).max().orElse(Double.NaN);
  }

  /** Seconds of one call of r. */
  static double time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }
}
