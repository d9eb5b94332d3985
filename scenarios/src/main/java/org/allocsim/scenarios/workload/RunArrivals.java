package org.allocsim.scenarios.workload;

/**
 * When a program runs: on each of its CPUs, an independent Poisson process. Superposed over k CPUs that is one
 * Poisson process of rate k·rate whose runs land on a uniformly chosen CPU, which is how it is generated.
 *
 * @param ratePerSecond program runs per second on each CPU, &gt; 0 (docs/workloads.md: no published per-program
 *     rates, so scenarios choose it; an XDP program at line rate runs millions of times a second per CPU)
 */
public record RunArrivals(double ratePerSecond) {

  public RunArrivals {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("arrivals.ratePerSecond: must be finite and > 0, got " + ratePerSecond);
    }
  }

  /** Poisson runs at {@code ratePerSecond} per CPU. */
  public static RunArrivals poisson(double ratePerSecond) {
    return new RunArrivals(ratePerSecond);
  }

  /** Mean gap in ns between two runs over {@code cpus} CPUs together. */
  double meanGapNs(int cpus) {
    return 1e9 / (ratePerSecond * cpus);
  }
}
