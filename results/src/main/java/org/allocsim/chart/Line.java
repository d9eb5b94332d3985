package org.allocsim.chart;

import java.util.Arrays;

/**
 * One drawn line: a strategy's series, or its mean over replications with the 95% band (lower and upper, null for
 * one replication).
 *
 * @param label legend text
 * @param style index of the colour and dash pattern
 * @param x x values, in the axis unit
 * @param y y values, in the axis unit
 * @param lower lower band edge, or null
 * @param upper upper band edge, or null
 */
record Line(String label, int style, double[] x, double[] y, double[] lower, double[] upper) {

  /** Whether other draws exactly the same points: such lines would hide one another. */
  boolean coincides(Line other) {
    return Arrays.equals(x, other.x) && Arrays.equals(y, other.y) && Arrays.equals(lower, other.lower)
        && Arrays.equals(upper, other.upper);
  }

  Line named(String name) {
    return new Line(name, style, x, y, lower, upper);
  }

  /**
   * At most about 2 x buckets points: in each bucket of consecutive points the lowest and the highest, in time
   * order, so that a 4-hour run's peaks survive in a chart a few hundred pixels wide and a small SVG.
   */
  Line thinned(int buckets) {
    return x.length <= 2 * buckets ? this : select(kept(buckets));
  }

  /** The indices {@link #thinned} keeps. */
  int[] kept(int buckets) {
    int n = x.length;
    if (n <= 2 * buckets) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] keep = new int[2 * buckets + 1];
    int k = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) n * b / buckets);
      int to = (int) ((long) n * (b + 1) / buckets);
      int lo = from;
      int hi = from;
      for (int i = from; i < to; i++) {
        if (y[i] < y[lo]) {
          lo = i;
        }
        if (y[i] > y[hi]) {
          hi = i;
        }
      }
      keep[k++] = Math.min(lo, hi);
      if (lo != hi) {
        keep[k++] = Math.max(lo, hi);
      }
    }
    if (keep[k - 1] != n - 1) {
      keep[k++] = n - 1; // the last sample: where the run ends
    }
    return Arrays.copyOf(keep, k);
  }

  /** The points at idx. */
  Line select(int[] idx) {
    return new Line(label, style, pick(x, idx), pick(y, idx), pick(lower, idx), pick(upper, idx));
  }

  /** The points of the step drawing: before each sample, the previous value at the sample's time. */
  Line stepped() {
    int n = x.length;
    if (n < 2) {
      return this;
    }
    int[] idx = new int[2 * n - 1];
    double[] sx = new double[2 * n - 1];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        idx[2 * i - 1] = i - 1;
        sx[2 * i - 1] = x[i];
      }
      idx[2 * i] = i;
      sx[2 * i] = x[i];
    }
    return new Line(label, style, sx, pick(y, idx), pick(lower, idx), pick(upper, idx));
  }

  private static double[] pick(double[] v, int[] idx) {
    if (v == null) {
      return null;
    }
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }
}
