package org.allocsim.kernel;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test workload for the stash fixture: a Poisson stream of program steps (alloc_store 40%, take_drop 30%, move
 * 30%) on random CPUs and keys, drawn from the run's "workload" stream.
 */
final class SyntheticWorkload implements RecordStream {
  private final UniformRandomProvider rng;
  private final long count;
  private final double meanGapNs;
  private final int cpus;
  private final int keys;
  private long produced;
  private double time;

  SyntheticWorkload(RandomStreams streams, long count, double ratePerSecond, int cpus, int keys) {
    this.rng = streams.stream("workload");
    this.count = count;
    this.meanGapNs = 1e9 / ratePerSecond;
    this.cpus = cpus;
    this.keys = keys;
  }

  @Override
  public List<String> programNames() {
    return List.of("stash");
  }

  @Override
  public int read(RecordBatch batch) {
    batch.clear();
    while (produced < count && !batch.isFull()) {
      time += -Math.log(1.0 - rng.nextDouble()) * meanGapNs;
      double u = rng.nextDouble();
      int op = u < 0.4 ? 0 : u < 0.7 ? 1 : 2;
      batch.add((long) time, rng.nextInt(cpus), 0, op, rng.nextInt(keys), 0);
      produced++;
    }
    return batch.size();
  }
}
