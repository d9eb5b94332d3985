package org.allocsim.scenarios.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.commons.math3.distribution.ConstantRealDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Lifetime distributions by name, over durations in nanoseconds (so every support is {@code >= 0}). Parameters
 * are named as in Commons Math 3; a wrong, missing or unknown parameter is an IllegalArgumentException naming it.
 */
public final class Distributions {

  /** The distribution families and their parameters, in constructor order. */
  @SuppressWarnings("ImmutableEnumChecker") // enums as factories: a constructor and List.of names
  public enum Family {
    /** ln X ~ Normal(scale, shape²): scale is the log of the median in ns, shape the log-space deviation. */
    LOGNORMAL((r, p) -> new LogNormalDistribution(r, p[0], p[1]),
        (u, p) -> LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(u), p[0], p[1]), "scale", "shape"),
    /** Mean in ns. */
    EXPONENTIAL((r, p) -> new ExponentialDistribution(r, p[0]), (u, p) -> ZigguratSampler.Exponential.of(u, p[0]),
        "mean"),
    /** Every lifetime is {@code value} ns. */
    CONSTANT((r, p) -> new ConstantRealDistribution(p[0]), (u, p) -> () -> p[0], "value"),
    /** Uniform on [lower, upper] ns. */
    UNIFORM((r, p) -> new UniformRealDistribution(r, p[0], p[1]), (u, p) -> ContinuousUniformSampler.of(u, p[0], p[1]),
        "lower", "upper"),
    /** Weibull with shape k and scale λ in ns: mean λ·Γ(1 + 1/k). */
    WEIBULL((r, p) -> new WeibullDistribution(r, p[0], p[1]), Distributions::weibull, "shape", "scale"),
    /** Gamma with shape k and scale θ in ns: mean k·θ. */
    GAMMA((r, p) -> new GammaDistribution(r, p[0], p[1]),
        (u, p) -> AhrensDieterMarsagliaTsangGammaSampler.of(u, p[0], p[1]), "shape", "scale");

    private final BiFunction<RandomGenerator, double[], RealDistribution> create;
    private final BiFunction<UniformRandomProvider, double[], ContinuousSampler> sampler;
    private final List<String> parameters;

    Family(BiFunction<RandomGenerator, double[], RealDistribution> create,
        BiFunction<UniformRandomProvider, double[], ContinuousSampler> sampler, String... parameters) {
      this.create = create;
      this.sampler = sampler;
      this.parameters = List.of(parameters);
    }

    /** Parameter names, in constructor order. */
    public List<String> parameters() {
      return parameters;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Distributions() {}

  /** Family names, as accepted by {@link #family(String)}. */
  public static List<String> names() {
    return Arrays.stream(Family.values()).map(Family::toString).toList();
  }

  /** The family called {@code name} (case-insensitive; "log-normal" is accepted too). */
  public static Family family(String name) {
    if (name != null) {
      String n = name.toLowerCase(Locale.ROOT).replace("-", "");
      for (Family f : Family.values()) {
        if (f.toString().equals(n)) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException("lifetime.distribution: unknown distribution '" + name + "'; known: "
        + String.join(", ", names()));
  }

  /**
   * Checks {@code parameters} against the family {@code name} and returns them in constructor order. Messages
   * name the offending field as {@code lifetime.<parameter>}.
   */
  public static double[] check(String name, Map<String, Double> parameters) {
    Family f = family(name);
    for (String key : parameters.keySet()) {
      if (!f.parameters().contains(key)) {
        throw new IllegalArgumentException("lifetime." + key + ": not a parameter of " + f + "; it takes "
            + String.join(", ", f.parameters()));
      }
    }
    double[] p = new double[f.parameters().size()];
    for (int i = 0; i < p.length; i++) {
      String key = f.parameters().get(i);
      Double v = parameters.get(key);
      if (v == null) {
        throw new IllegalArgumentException("lifetime." + key + ": " + f + " needs " + key);
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("lifetime." + key + ": must be finite, got " + v);
      }
      p[i] = v;
    }
    switch (f) {
      case LOGNORMAL -> positive(f, "shape", p[1]);
      case EXPONENTIAL -> positive(f, "mean", p[0]);
      case CONSTANT -> nonNegative(f, "value", p[0]);
      case UNIFORM -> {
        nonNegative(f, "lower", p[0]);
        if (!(p[1] > p[0])) {
          throw new IllegalArgumentException("lifetime.upper: uniform needs upper > lower (" + p[0] + "), got "
              + p[1]);
        }
      }
      case WEIBULL, GAMMA -> {
        positive(f, "shape", p[0]);
        positive(f, "scale", p[1]);
      }
      default -> throw new AssertionError(f);
    }
    return p;
  }

  /**
   * The distribution as Commons Math 3 defines it, after {@link #check}: its mean and variance (what the tests
   * hold the samplers to, and what sizes the release queue); null rng when nothing is drawn from it.
   */
  public static RealDistribution create(String name, Map<String, Double> parameters, RandomGenerator rng) {
    double[] p = check(name, parameters);
    return family(name).create.apply(rng, p);
  }

  /**
   * A sampler of the distribution drawing from {@code rng}, after {@link #check}. Commons RNG's ziggurat and
   * Marsaglia-Tsang samplers rather than Commons Math's sample(): a log-normal lifetime through Box-Muller and
   * StrictMath was ~20 % of a library run's generator (issue 17).
   */
  public static ContinuousSampler sampler(String name, Map<String, Double> parameters, UniformRandomProvider rng) {
    double[] p = check(name, parameters);
    return family(name).sampler.apply(rng, p);
  }

  /** Weibull by inversion of a ziggurat exponential: λ·E^(1/k) with E ~ Exp(1). */
  private static ContinuousSampler weibull(UniformRandomProvider rng, double[] p) {
    ContinuousSampler exponential = ZigguratSampler.Exponential.of(rng);
    double inverseShape = 1 / p[0];
    double scale = p[1];
    return () -> scale * Math.pow(exponential.sample(), inverseShape);
  }

  private static void positive(Family f, String key, double v) {
    if (!(v > 0)) {
      throw new IllegalArgumentException("lifetime." + key + ": " + f + " needs " + key + " > 0, got " + v);
    }
  }

  private static void nonNegative(Family f, String key, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException("lifetime." + key + ": " + f + " needs " + key + " >= 0 (a duration in ns), "
          + "got " + v);
    }
  }
}
