package org.allocsim.scenarios.workload;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The runs of one program (attach point) in a data-plane workload. Each run performs one step, chosen by weight,
 * on keys drawn from {@code keys}; with a lifetime, each store also schedules its release.
 *
 * @param program attach-point name, as the scenario's programs name it
 * @param arrivals when runs happen (a Poisson process per CPU)
 * @param cpus CPUs the program runs on, each &gt;= 0 and distinct; empty means every CPU of the run
 * @param stepWeights relative weight of each step index, each finite and &gt;= 0, summing to &gt; 0; a step with
 *     weight 0 runs only as a scheduled release
 * @param keys how the two keys of each record are chosen
 * @param lifetime object lifetimes (store → release), or null for none
 * @param fromNs first possible arrival, &gt;= 0
 * @param untilNs arrivals stop before this time, &gt; fromNs ({@link Long#MAX_VALUE}: the end of the run);
 *     releases of earlier stores still follow it
 */
@SuppressWarnings("ArrayRecordComponent") // weights are copied in and never compared
public record ProgramWorkload(String program, RunArrivals arrivals, List<Integer> cpus, double[] stepWeights,
    KeyChoice keys, Lifetime lifetime, long fromNs, long untilNs) {

  public ProgramWorkload {
    if (program == null || program.isBlank()) {
      throw new IllegalArgumentException("program: a workload needs a program name");
    }
    Objects.requireNonNull(arrivals, "arrivals");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(cpus, "cpus");
    Set<Integer> seen = new HashSet<>();
    for (Integer c : cpus) {
      if (c == null || c < 0) {
        throw new IllegalArgumentException("cpus: " + program + " lists CPU " + c + "; CPUs are >= 0");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("cpus: " + program + " lists CPU " + c + " twice");
      }
    }
    cpus = List.copyOf(cpus);
    stepWeights = checkWeights(program, stepWeights);
    if (lifetime != null) {
      for (int step : new int[] {lifetime.storeStep(), lifetime.releaseStep()}) {
        if (step >= stepWeights.length) {
          throw new IllegalArgumentException("lifetime: step " + step + " of " + program + " is outside its "
              + stepWeights.length + " step weights");
        }
      }
    }
    if (fromNs < 0) {
      throw new IllegalArgumentException("fromNs: must be >= 0, got " + fromNs);
    }
    if (untilNs <= fromNs) {
      throw new IllegalArgumentException("untilNs: must be > fromNs (" + fromNs + "), got " + untilNs);
    }
  }

  /** Runs on every CPU for the whole run, without lifetimes. */
  public ProgramWorkload(String program, RunArrivals arrivals, double[] stepWeights, KeyChoice keys) {
    this(program, arrivals, List.of(), stepWeights, keys, null, 0, Long.MAX_VALUE);
  }

  /** The same workload with object lifetimes. */
  public ProgramWorkload withLifetime(Lifetime l) {
    return new ProgramWorkload(program, arrivals, cpus, stepWeights, keys, l, fromNs, untilNs);
  }

  /** The same workload on the given CPUs only. */
  public ProgramWorkload onCpus(List<Integer> only) {
    return new ProgramWorkload(program, arrivals, only, stepWeights, keys, lifetime, fromNs, untilNs);
  }

  /** The same workload with arrivals restricted to [from, until). */
  public ProgramWorkload between(long from, long until) {
    return new ProgramWorkload(program, arrivals, cpus, stepWeights, keys, lifetime, from, until);
  }

  /** A copy: the record stays immutable. */
  @Override
  public double[] stepWeights() {
    return stepWeights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgramWorkload w && program.equals(w.program) && arrivals.equals(w.arrivals)
        && cpus.equals(w.cpus) && Arrays.equals(stepWeights, w.stepWeights) && keys.equals(w.keys)
        && Objects.equals(lifetime, w.lifetime) && fromNs == w.fromNs && untilNs == w.untilNs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(program, arrivals, cpus, Arrays.hashCode(stepWeights), keys, lifetime, fromNs, untilNs);
  }

  @Override
  public String toString() {
    return "ProgramWorkload[program=" + program + ", arrivals=" + arrivals + ", cpus=" + cpus + ", stepWeights="
        + Arrays.toString(stepWeights) + ", keys=" + keys + ", lifetime=" + lifetime + ", fromNs=" + fromNs
        + ", untilNs=" + untilNs + "]";
  }

  private static double[] checkWeights(String program, double[] weights) {
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("stepWeights: " + program + " needs at least one step weight");
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("stepWeights: weight of step " + i + " of " + program
            + " must be finite and >= 0, got " + weights[i]);
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("stepWeights: the weights of " + program + " sum to 0");
    }
    return weights.clone();
  }
}
