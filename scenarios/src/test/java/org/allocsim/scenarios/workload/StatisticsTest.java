package org.allocsim.scenarios.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RandomStreams;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator against the distributions it claims, with generous bounds (about 4 standard deviations, or a
 * p-value of 1e-4): the seeds are fixed, so a pass is reproducible, and the bounds would still catch a wrong rate,
 * a rank off by one or a lifetime in the wrong unit.
 */
class StatisticsTest {

  @Test
  void runsArePoissonAtTheRatePerCpuAndSpreadEvenly() {
    double rate = 250_000;
    int cpus = 4;
    long endNs = 1_000_000_000L; // expect 1e6 runs
    ProgramWorkload w = new ProgramWorkload("p", RunArrivals.poisson(rate), new double[] {1},
        KeyChoice.uniform(10));
    Drained d = Drained.of(w, 42, cpus, endNs);
    double expected = rate * cpus * endNs / 1e9;
    assertTrue(Math.abs(d.size - expected) < 4.5 * Math.sqrt(expected), "runs " + d.size + ", expected " + expected);

    // Gaps of a Poisson process are exponential: mean 1/(k·rate), coefficient of variation 1.
    double sum = 0;
    double sumSq = 0;
    for (int i = 1; i < d.size; i++) {
      double gap = d.time[i] - d.time[i - 1];
      sum += gap;
      sumSq += gap * gap;
    }
    int n = d.size - 1;
    double mean = sum / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    assertEquals(1e9 / (rate * cpus), mean, 4.5 * mean / Math.sqrt(n));
    assertEquals(1.0, sd / mean, 0.01);

    long[] perCpu = new long[cpus];
    for (int i = 0; i < d.size; i++) {
      perCpu[d.cpu[i]]++;
    }
    double[] even = new double[cpus];
    Arrays.fill(even, 1.0 / cpus);
    assertTrue(new ChiSquareTest().chiSquareTest(even, perCpu) > 1e-4, Arrays.toString(perCpu));
  }

  @Test
  void listedCpusAloneRunTheProgramEachAtTheFullRate() {
    ProgramWorkload w = new ProgramWorkload("p", RunArrivals.poisson(100_000), new double[] {1},
        KeyChoice.uniform(10)).onCpus(List.of(1, 3));
    Drained d = Drained.of(w, 1, 4, 1_000_000_000L);
    long[] perCpu = new long[4];
    for (int i = 0; i < d.size; i++) {
      perCpu[d.cpu[i]]++;
    }
    assertEquals(0, perCpu[0] + perCpu[2]);
    for (int c : new int[] {1, 3}) {
      assertTrue(Math.abs(perCpu[c] - 100_000) < 4.5 * Math.sqrt(100_000), "cpu " + c + ": " + perCpu[c]);
    }
  }

  @Test
  void stepsFollowTheirWeights() {
    double[] weights = {4, 2, 3, 1};
    Drained d = Drained.of(new ProgramWorkload("p", RunArrivals.poisson(500_000), weights,
        KeyChoice.uniform(10)), 9, 2, 500_000_000L);
    long[] counts = new long[weights.length];
    for (int i = 0; i < d.size; i++) {
      counts[d.step[i]]++;
    }
    assertTrue(new ChiSquareTest().chiSquareTest(weights, counts) > 1e-4, Arrays.toString(counts));
  }

  @Test
  void zipfKeysFollowTheRankFrequenciesOfCommonsMath() {
    int keys = 1000;
    double s = 1.1;
    Drained d = Drained.of(new ProgramWorkload("p", RunArrivals.poisson(1_000_000), new double[] {1},
        KeyChoice.zipf(keys, s)), 4, 1, 1_000_000_000L);
    long[] counts = new long[keys];
    long same = 0;
    for (int i = 0; i < d.size; i++) {
      counts[(int) d.key1[i]]++;
      counts[(int) d.key2[i]]++;
      same += d.key1[i] == d.key2[i] ? 1 : 0;
    }
    // The expected frequencies come from an independent implementation: Commons Math's Zipf pmf.
    ZipfDistribution pmf = new ZipfDistribution(null, keys, s);
    double[] expected = new double[keys];
    double collision = 0;
    for (int k = 0; k < keys; k++) {
      expected[k] = pmf.probability(k + 1);
      collision += expected[k] * expected[k];
    }
    assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > 1e-4, "chi-square rejects Zipf(" + s + ")");
    assertEquals(Math.pow(2, s), (double) counts[0] / counts[1], 0.03);
    assertEquals(Math.pow(10, s), (double) counts[0] / counts[9], 0.3);
    // key2 is independent of key1: they agree as often as two independent draws do.
    double n = d.size;
    assertEquals(collision * n, (double) same, 4.5 * Math.sqrt(collision * n));
  }

  @Test
  void uniformKeysCoverTheRangeEvenly() {
    int keys = 500;
    Drained d = Drained.of(new ProgramWorkload("p", RunArrivals.poisson(500_000), new double[] {1},
        KeyChoice.uniform(keys)), 6, 1, 1_000_000_000L);
    long[] counts = new long[keys];
    for (int i = 0; i < d.size; i++) {
      counts[(int) d.key1[i]]++;
      counts[(int) d.key2[i]]++;
    }
    double[] even = new double[keys];
    Arrays.fill(even, 1);
    assertTrue(new ChiSquareTest().chiSquareTest(even, counts) > 1e-4);
  }

  static List<Lifetime> lifetimes() {
    return List.of(
        Lifetime.logNormal(0, 1, 1e6, 0.8),
        Lifetime.exponential(0, 1, 2e6),
        new Lifetime(0, 1, "uniform", Map.of("lower", 1e5, "upper", 3e6)),
        new Lifetime(0, 1, "weibull", Map.of("shape", 1.5, "scale", 1e6)),
        new Lifetime(0, 1, "gamma", Map.of("shape", 0.5, "scale", 4e6)),
        Lifetime.constant(0, 1, 1_234_567));
  }

  @ParameterizedTest
  @MethodSource("lifetimes")
  void releaseDelaysHaveTheDistributionsMean(Lifetime l) {
    long until = 1_000_000_000L;
    // Keys from 2^50 tell every store apart; the run lasts long enough for every release to come.
    ProgramWorkload w = new ProgramWorkload("p", RunArrivals.poisson(200_000), new double[] {1, 0},
        KeyChoice.uniform(1L << 50)).withLifetime(l).between(0, until);
    Drained d = Drained.of(w, 13, 1, until + 1_000_000_000L);
    Map<Long, Long> storedAt = new HashMap<>();
    long stores = 0;
    double sum = 0;
    long releases = 0;
    long previous = 0;
    for (int i = 0; i < d.size; i++) {
      assertTrue(d.time[i] >= previous, "out of time order at " + i);
      previous = d.time[i];
      if (d.step[i] == 0) {
        storedAt.put(d.key1[i], d.time[i]);
        stores++;
      } else {
        sum += d.time[i] - storedAt.remove(d.key1[i]);
        releases++;
      }
    }
    assertTrue(stores > 190_000);
    assertEquals(stores, releases, "every store is released");
    RealDistribution dist = Distributions.create(l.distribution(), l.parameters(), null);
    double mean = sum / releases;
    double se = Math.sqrt(dist.getNumericalVariance() / releases);
    // Delays are rounded to whole ns: ±0.5 ns, far below one standard error here (and the whole bound for constant).
    assertEquals(dist.getNumericalMean(), mean, 3 * se + 0.5, l.toString());
  }

  /** Each family's Commons RNG sampler draws Commons Math's distribution: its mean, and half below its median. */
  @ParameterizedTest
  @MethodSource("lifetimes")
  void samplersMatchTheDistributionsMeanAndMedian(Lifetime l) {
    ContinuousSampler sampler = Distributions.sampler(l.distribution(), l.parameters(),
        new RandomStreams(7, 0).stream("lifetime/p"));
    RealDistribution dist = Distributions.create(l.distribution(), l.parameters(), null);
    double median = dist.inverseCumulativeProbability(0.5);
    int n = 200_000;
    double sum = 0;
    int below = 0;
    for (int i = 0; i < n; i++) {
      double x = sampler.sample();
      sum += x;
      below += x < median ? 1 : 0;
    }
    assertEquals(dist.getNumericalMean(), sum / n, 4.5 * Math.sqrt(dist.getNumericalVariance() / n), l.toString());
    // A constant's every sample is its median: none below it.
    double wantBelow = dist.getNumericalVariance() == 0 ? 0 : 0.5;
    assertEquals(wantBelow, (double) below / n, 4.5 * Math.sqrt(0.25 / n), l.toString());
  }
}
