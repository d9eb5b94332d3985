package org.allocsim.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a sample with its standard deviation and a two-sided 95% Student-t confidence interval.
 * With fewer than two values the deviation and the interval are NaN: one run says nothing about its spread.
 *
 * @param n number of values
 * @param mean sample mean
 * @param sd sample standard deviation (n - 1 in the denominator)
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 */
public record Estimate(long n, double mean, double sd, double lower, double upper) {
  /** The confidence level of every interval here. */
  public static final double LEVEL = 0.95;

  public static Estimate of(double[] values) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : values) {
      s.addValue(v);
    }
    long n = s.getN();
    if (n < 2) {
      return new Estimate(n, n == 1 ? s.getMean() : Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sd = s.getStandardDeviation();
    // t quantile at 1 - alpha/2 with n - 1 degrees of freedom, times the standard error.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    double half = t * sd / Math.sqrt((double) n);
    return new Estimate(n, s.getMean(), sd, s.getMean() - half, s.getMean() + half);
  }

  /**
   * The paired difference a[i] - b[i]: both runs of replication i saw the same random streams, so the estimate's
   * spread is the strategies' disagreement, not the workload's noise.
   */
  public static Estimate paired(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return of(d);
  }

  /** Half the interval's width; NaN with fewer than two values. */
  public double halfWidth() {
    return (upper - lower) / 2;
  }
}
