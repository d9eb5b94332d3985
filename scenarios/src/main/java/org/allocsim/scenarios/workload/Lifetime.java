package org.allocsim.scenarios.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long the objects a program stores live. Whenever a run performs {@code storeStep}, the generator schedules a
 * run of {@code releaseStep} of the same program, on the same CPU and keys, {@code lifetime} ns later (a lifetime
 * drawn from the distribution). A release due at or after the end of the run is not emitted: that object simply
 * outlives the run, held by its map. No system studied publishes allocation lifetimes (docs/workloads.md: the
 * nearest is sched_ext's per-enqueue node, freed at dispatch within about 15 ms), so scenarios choose them.
 *
 * @param storeStep the step that stores an object (e.g. an {@code alloc_store})
 * @param releaseStep the step that ends its life (e.g. a {@code take_drop} on the same field); differs from
 *     storeStep
 * @param distribution a {@link Distributions} family name: lognormal, exponential, constant, uniform, weibull,
 *     gamma
 * @param parameters the family's parameters by name ({@link Distributions.Family#parameters()}), durations in ns
 */
public record Lifetime(int storeStep, int releaseStep, String distribution, Map<String, Double> parameters) {

  public Lifetime {
    if (storeStep < 0) {
      throw new IllegalArgumentException("lifetime.storeStep: must be >= 0, got " + storeStep);
    }
    if (releaseStep < 0) {
      throw new IllegalArgumentException("lifetime.releaseStep: must be >= 0, got " + releaseStep);
    }
    if (releaseStep == storeStep) {
      throw new IllegalArgumentException("lifetime.releaseStep: must differ from storeStep " + storeStep);
    }
    Objects.requireNonNull(parameters, "lifetime.parameters");
    distribution = Distributions.family(distribution).toString();
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Distributions.check(distribution, parameters);
  }

  /** Log-normal lifetimes with the given median (ns) and log-space deviation: the usual heavy-ish tail. */
  public static Lifetime logNormal(int storeStep, int releaseStep, double medianNs, double shape) {
    if (!(medianNs > 0)) {
      throw new IllegalArgumentException("lifetime.scale: the median must be > 0 ns, got " + medianNs);
    }
    return new Lifetime(storeStep, releaseStep, "lognormal", ordered("scale", Math.log(medianNs), "shape", shape));
  }

  /** Exponential lifetimes with the given mean (ns). */
  public static Lifetime exponential(int storeStep, int releaseStep, double meanNs) {
    return new Lifetime(storeStep, releaseStep, "exponential", ordered("mean", meanNs));
  }

  /** Every object lives exactly {@code ns}. */
  public static Lifetime constant(int storeStep, int releaseStep, double ns) {
    return new Lifetime(storeStep, releaseStep, "constant", ordered("value", ns));
  }

  /** A parameter map in the family's order, so the record prints the same in every JVM. */
  private static Map<String, Double> ordered(Object... keyValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], (Double) keyValues[i + 1]);
    }
    return m;
  }
}
