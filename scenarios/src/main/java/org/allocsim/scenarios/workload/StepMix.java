package org.allocsim.scenarios.workload;

import java.util.List;
import java.util.Objects;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs of one program as a Poisson process: exponential gaps at {@code ratePerSecond} over all CPUs, each run on a
 * uniformly chosen CPU, performing one step chosen by weight on uniformly chosen keys. The draws come from the
 * stream {@code workload/<program>}, so every strategy of a replication sees the same runs.
 */
public final class StepMix implements RecordStream {
  private final String program;
  private final double[] cumulative;
  private final double meanGapNs;
  private final int cpus;
  private final int keys;
  private final long endNs;
  private final long limit;
  private final UniformRandomProvider rng;
  private double time;
  private long produced;

  /**
   * @param streams the run's random streams
   * @param program attach-point name
   * @param stepWeights relative weight of each step of the program
   * @param ratePerSecond runs per second, all CPUs together
   * @param cpus CPUs to spread runs over
   * @param keys keys are drawn from {@code 0..keys-1}
   * @param endNs no run after this time
   * @param limit at most this many records
   */
  public StepMix(RandomStreams streams, String program, double[] stepWeights, double ratePerSecond, int cpus,
      int keys, long endNs, long limit) {
    this.program = Objects.requireNonNull(program);
    if (ratePerSecond <= 0 || cpus <= 0 || keys <= 0 || stepWeights.length == 0) {
      throw new IllegalArgumentException("step mix of " + program + ": rate, cpus, keys and steps must be > 0");
    }
    this.cumulative = new double[stepWeights.length];
    double sum = 0;
    for (int i = 0; i < stepWeights.length; i++) {
      if (stepWeights[i] < 0) {
        throw new IllegalArgumentException("step mix of " + program + ": negative weight");
      }
      sum += stepWeights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
    this.meanGapNs = 1e9 / ratePerSecond;
    this.cpus = cpus;
    this.keys = keys;
    this.endNs = endNs;
    this.limit = limit;
    this.rng = streams.stream("workload/" + program);
  }

  @Override
  public List<String> programNames() {
    return List.of(program);
  }

  @Override
  public int read(RecordBatch batch) {
    batch.clear();
    while (produced < limit && !batch.isFull()) {
      time += -Math.log1p(-rng.nextDouble()) * meanGapNs;
      if (time > endNs) {
        produced = limit;
        break;
      }
      double u = rng.nextDouble();
      int step = 0;
      while (step < cumulative.length - 1 && u >= cumulative[step]) {
        step++;
      }
      batch.add((long) time, rng.nextInt(cpus), 0, step, rng.nextInt(keys), rng.nextInt(keys));
      produced++;
    }
    return batch.size();
  }
}
