package org.allocsim.metrics;

import java.util.Arrays;

/** Samples in columns: one long[] per metric, plus the sample times. Grows by doubling. */
public final class MetricSeries {
  private static final Metric[] METRICS = Metric.values();

  private long[] times = new long[64];
  private final long[][] columns = new long[METRICS.length][64];
  private int size;

  /** Appends one sample; row is indexed by {@link Metric#ordinal()}. */
  public void add(long timeNs, long[] row) {
    if (row.length != METRICS.length) {
      throw new IllegalArgumentException("a sample has " + METRICS.length + " values");
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      for (int m = 0; m < columns.length; m++) {
        columns[m] = Arrays.copyOf(columns[m], size * 2);
      }
    }
    times[size] = timeNs;
    for (int m = 0; m < row.length; m++) {
      columns[m][size] = row[m];
    }
    size++;
  }

  public int size() {
    return size;
  }

  public long time(int i) {
    return times[i];
  }

  public long value(Metric metric, int i) {
    return columns[metric.ordinal()][i];
  }

  /** A copy of one column. */
  public long[] values(Metric metric) {
    return Arrays.copyOf(columns[metric.ordinal()], size);
  }

  public long[] times() {
    return Arrays.copyOf(times, size);
  }

  /** The largest value of a column, or 0 when empty. */
  public long max(Metric metric) {
    long m = 0;
    long[] c = columns[metric.ordinal()];
    for (int i = 0; i < size; i++) {
      m = Math.max(m, c[i]);
    }
    return m;
  }

  /** The last value of a column, or 0 when empty. */
  public long last(Metric metric) {
    return size == 0 ? 0 : columns[metric.ordinal()][size - 1];
  }

  /**
   * The warm share of the allocations made between each sample and the one before (the previous share when there
   * were none), so that a chart shows warmth as it changes, not its running average.
   */
  public double[] warmSharePerInterval() {
    double[] out = new double[size];
    double last = 0;
    long[] warm = columns[Metric.WARM_ALLOCS.ordinal()];
    long[] cold = columns[Metric.COLD_ALLOCS.ordinal()];
    for (int i = 0; i < size; i++) {
      long w = warm[i] - (i > 0 ? warm[i - 1] : 0);
      long c = cold[i] - (i > 0 ? cold[i - 1] : 0);
      if (w + c > 0) {
        last = (double) w / (w + c);
      }
      out[i] = last;
    }
    return out;
  }
}
