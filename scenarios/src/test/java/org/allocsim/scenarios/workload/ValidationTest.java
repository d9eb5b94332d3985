package org.allocsim.scenarios.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad parameters fail at construction, with a message that names the field. */
class ValidationTest {
  private static final double[] ONE = {1};

  private static void rejects(String field, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().startsWith(field + ":"), "expected '" + field + ":' in: " + x.getMessage());
  }

  private static ProgramWorkload program(List<Integer> cpus, double[] weights, Lifetime l, long from, long until) {
    return new ProgramWorkload("p", RunArrivals.poisson(1000), cpus, weights, KeyChoice.uniform(10), l, from, until);
  }

  @Test
  void arrivals() {
    rejects("arrivals.ratePerSecond", () -> RunArrivals.poisson(-5));
    rejects("arrivals.ratePerSecond", () -> RunArrivals.poisson(0));
    rejects("arrivals.ratePerSecond", () -> RunArrivals.poisson(Double.NaN));
    rejects("arrivals.ratePerSecond", () -> RunArrivals.poisson(Double.POSITIVE_INFINITY));
  }

  @Test
  void keys() {
    rejects("keys.exponent", () -> KeyChoice.zipf(100, 0));
    rejects("keys.exponent", () -> KeyChoice.zipf(100, -1.2));
    rejects("keys.exponent", () -> KeyChoice.zipf(100, Double.NaN));
    rejects("keys.exponent", () -> new KeyChoice(KeyChoice.Kind.UNIFORM, 100, 1.1));
    rejects("keys.n", () -> KeyChoice.uniform(0));
    rejects("keys.n", () -> KeyChoice.zipf(1L << 40, 1));
    rejects("keys.kind", () -> KeyChoice.Kind.named("pareto"));
    assertEquals(KeyChoice.Kind.ZIPF, KeyChoice.Kind.named("Zipf"));
  }

  @Test
  void lifetimeDistributions() {
    rejects("lifetime.distribution", () -> new Lifetime(0, 1, "lognormall", Map.of("scale", 1.0, "shape", 1.0)));
    rejects("lifetime.distribution", () -> new Lifetime(0, 1, null, Map.of()));
    rejects("lifetime.shape", () -> new Lifetime(0, 1, "lognormal", Map.of("scale", 1.0, "shape", 0.0)));
    rejects("lifetime.shape", () -> new Lifetime(0, 1, "weibull", Map.of("shape", -1.0, "scale", 1.0)));
    rejects("lifetime.shape", () -> new Lifetime(0, 1, "gamma", Map.of("shape", 0.0, "scale", 1.0)));
    rejects("lifetime.scale", () -> new Lifetime(0, 1, "gamma", Map.of("shape", 1.0, "scale", -2.0)));
    rejects("lifetime.scale", () -> new Lifetime(0, 1, "lognormal", Map.of("shape", 1.0)));
    rejects("lifetime.sigma", () -> new Lifetime(0, 1, "lognormal", Map.of("sigma", 1.0, "scale", 1.0)));
    rejects("lifetime.mean", () -> Lifetime.exponential(0, 1, 0));
    rejects("lifetime.mean", () -> Lifetime.exponential(0, 1, Double.NaN));
    rejects("lifetime.value", () -> Lifetime.constant(0, 1, -1));
    rejects("lifetime.lower", () -> new Lifetime(0, 1, "uniform", Map.of("lower", -1.0, "upper", 1.0)));
    rejects("lifetime.upper", () -> new Lifetime(0, 1, "uniform", Map.of("lower", 2.0, "upper", 1.0)));
    rejects("lifetime.scale", () -> Lifetime.logNormal(0, 1, 0, 1));
    assertEquals("lognormal", new Lifetime(0, 1, "Log-Normal", Map.of("scale", 1.0, "shape", 1.0)).distribution());
    assertEquals(List.of("lognormal", "exponential", "constant", "uniform", "weibull", "gamma"), Distributions.names());
  }

  @Test
  void lifetimeSteps() {
    rejects("lifetime.storeStep", () -> Lifetime.constant(-1, 1, 5));
    rejects("lifetime.releaseStep", () -> Lifetime.constant(0, -1, 5));
    rejects("lifetime.releaseStep", () -> Lifetime.constant(2, 2, 5));
    rejects("lifetime", () -> program(List.of(), new double[] {1, 0}, Lifetime.constant(0, 2, 5), 0, 10));
  }

  @Test
  void programWorkload() {
    rejects("program", () -> new ProgramWorkload(" ", RunArrivals.poisson(1), ONE, KeyChoice.uniform(1)));
    rejects("cpus", () -> program(List.of(0, -1), ONE, null, 0, 10));
    rejects("cpus", () -> program(List.of(2, 2), ONE, null, 0, 10));
    rejects("stepWeights", () -> program(List.of(), new double[0], null, 0, 10));
    rejects("stepWeights", () -> program(List.of(), new double[] {1, -1}, null, 0, 10));
    rejects("stepWeights", () -> program(List.of(), new double[] {0, 0}, null, 0, 10));
    rejects("stepWeights", () -> program(List.of(), new double[] {Double.NaN}, null, 0, 10));
    rejects("fromNs", () -> program(List.of(), ONE, null, -1, 10));
    rejects("untilNs", () -> program(List.of(), ONE, null, 10, 10));
  }

  @Test
  void theStream() {
    RandomStreams rs = new RandomStreams(1, 0);
    ProgramWorkload w = program(List.of(3), ONE, null, 0, 10);
    rejects("cpus", () -> Workload.stream(List.of(w), rs, 2, 100));
    rejects("cpus", () -> Workload.stream(List.of(w), rs, 0, 100));
    rejects("endNs", () -> Workload.stream(List.of(w), rs, 4, 0));
    rejects("programs", () -> Workload.stream(List.of(), rs, 4, 100));
    rejects("maxRecords", () -> Workload.stream(List.of(w), rs, 4, 100, -1));
  }

  @Test
  void recordsAreValuesAndKeepTheirWeights() {
    double[] weights = {1, 2};
    ProgramWorkload a = program(List.of(), weights, null, 0, 10);
    weights[0] = 9;
    a.stepWeights()[1] = 9;
    assertEquals(program(List.of(), new double[] {1, 2}, null, 0, 10), a);
    assertEquals(program(List.of(), new double[] {1, 2}, null, 0, 10).hashCode(), a.hashCode());
    assertTrue(a.toString().contains("stepWeights=[1.0, 2.0]"), a.toString());
  }
}
