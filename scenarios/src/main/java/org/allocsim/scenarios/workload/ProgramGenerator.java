package org.allocsim.scenarios.workload;

import java.util.List;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The record source of one {@link ProgramWorkload}: its Poisson arrivals merged in time order with the releases
 * its stores scheduled. The next arrival is drawn ahead (gap, step, CPU, key1, key2, in that order) so the merge
 * can compare times; a release due at the same time as an arrival comes first, as it was scheduled earlier.
 */
final class ProgramGenerator {
  private final int slot;
  private final UniformRandomProvider rng;
  private final double[] cumulative;
  private final int[] cpuList;
  private final KeyChoice.KeySampler keys;
  private final ContinuousSampler gapNs;
  private final long untilNs;
  private final long endNs;
  private final ContinuousSampler lifetime;
  private final int storeStep;
  private final int releaseStep;
  private final ReleaseQueue releases;
  private double clock;
  private boolean arrivalsDone;
  private long arrivalNs;
  private int arrivalStep;
  private int arrivalCpu;
  private long arrivalKey1;
  private long arrivalKey2;

  /**
   * @param w the workload
   * @param slot its program's index in the stream's program names
   * @param streams the run's random streams
   * @param streamSuffix "" for a program's first workload, "/k" for its k-th, so each has its own streams
   * @param cpus CPUs of the run
   * @param endNs nothing at or after this time
   */
  ProgramGenerator(ProgramWorkload w, int slot, RandomStreams streams, String streamSuffix, int cpus, long endNs) {
    this.slot = slot;
    this.rng = streams.stream("workload/" + w.program() + streamSuffix);
    double[] weights = w.stepWeights();
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
    this.cpuList = cpuList(w.program(), w.cpus(), cpus);
    this.keys = w.keys().sampler(rng);
    double meanGapNs = w.arrivals().meanGapNs(cpuList.length);
    this.gapNs = ZigguratSampler.Exponential.of(rng, meanGapNs);
    this.endNs = endNs;
    this.untilNs = Math.min(w.untilNs(), endNs);
    Lifetime l = w.lifetime();
    this.lifetime = l == null ? null : Distributions.sampler(l.distribution(), l.parameters(),
        streams.stream("lifetime/" + w.program() + streamSuffix));
    this.storeStep = l == null ? -1 : l.storeStep();
    this.releaseStep = l == null ? -1 : l.releaseStep();
    double storeShare = storeStep >= 0 && storeStep < weights.length ? weights[storeStep] / sum : 0;
    this.releases = ReleaseQueue.sized(meanGapNs / storeShare,
        l == null ? 0 : Distributions.create(l.distribution(), l.parameters(), null).getNumericalMean());
    this.clock = w.fromNs();
    drawArrival();
  }

  private static int[] cpuList(String program, List<Integer> listed, int cpus) {
    if (listed.isEmpty()) {
      int[] all = new int[cpus];
      for (int c = 0; c < cpus; c++) {
        all[c] = c;
      }
      return all;
    }
    int[] only = new int[listed.size()];
    for (int i = 0; i < only.length; i++) {
      only[i] = listed.get(i);
      if (only[i] >= cpus) {
        throw new IllegalArgumentException("cpus: " + program + " lists CPU " + only[i] + " but the run has "
            + cpus + " CPUs (0.." + (cpus - 1) + ")");
      }
    }
    return only;
  }

  private void drawArrival() {
    clock += gapNs.sample();
    arrivalNs = (long) clock;
    if (clock >= untilNs) {
      arrivalsDone = true;
      return;
    }
    double u = rng.nextDouble();
    int step = 0;
    while (step < cumulative.length - 1 && u >= cumulative[step]) {
      step++;
    }
    arrivalStep = step;
    arrivalCpu = cpuList.length == 1 ? cpuList[0] : cpuList[rng.nextInt(cpuList.length)];
    arrivalKey1 = keys.next();
    arrivalKey2 = keys.next();
  }

  /** Time of the next record, or {@link Long#MAX_VALUE} when none is left. */
  long nextTime() {
    // The queue turns only as far as the next arrival, so stores after it still land in its buckets.
    long r = releases.first(arrivalsDone ? Long.MAX_VALUE : arrivalNs);
    return arrivalsDone ? r : Math.min(arrivalNs, r);
  }

  /** Appends the next record to batch; only when {@link #nextTime()} is not {@link Long#MAX_VALUE}. */
  void emit(RecordBatch batch) {
    long r = releases.first(arrivalsDone ? Long.MAX_VALUE : arrivalNs);
    if (r != Long.MAX_VALUE && (arrivalsDone || r <= arrivalNs)) {
      batch.add(r, releases.peekCpu(), slot, releaseStep, releases.peekKey1(), releases.peekKey2());
      releases.pop();
      return;
    }
    batch.add(arrivalNs, arrivalCpu, slot, arrivalStep, arrivalKey1, arrivalKey2);
    if (arrivalStep == storeStep) {
      long delay = delayNs(lifetime.sample());
      if (delay < endNs - arrivalNs) {
        releases.push(arrivalNs + delay, arrivalCpu, arrivalKey1, arrivalKey2);
      }
    }
    drawArrival();
  }

  /** A lifetime sample rounded to whole ns (Math.round saturates at Long.MAX_VALUE, past any end). */
  private static long delayNs(double sample) {
    if (!(sample > 0)) {
      return 0;
    }
    return Math.round(sample);
  }
}
