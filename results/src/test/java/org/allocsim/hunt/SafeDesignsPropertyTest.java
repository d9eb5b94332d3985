package org.allocsim.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.scenarios.random.RandomWorld;
import org.allocsim.scenarios.random.RandomWorlds;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The designs the thread considers safe show no oracle finding on random worlds, and memory conservation holds after
 * every event and record ({@link Simulation#runAudited}). 1,000 worlds per design by default, in blocks of 250 so
 * that a failure names its block; {@code -Dallocsim.worlds=N} runs more (see README, Reliability).
 */
class SafeDesignsPropertyTest {
  static final long SEED = Long.getLong("allocsim.seed", 20220829L);
  static final int WORLDS = Integer.getInteger("allocsim.worlds", 1000);
  static final int BLOCK = 250;
  static final List<String> SAFE = List.of("global", "runtime-refcount", "static-per-map", "btf-placeholder",
      "per-field-dissolving");

  static Stream<Arguments> blocks() {
    List<Arguments> out = new ArrayList<>();
    for (String s : SAFE) {
      for (int from = 0; from < WORLDS; from += BLOCK) {
        out.add(Arguments.of(s, from, Math.min(WORLDS, from + BLOCK)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: worlds {1}..{2}")
  @MethodSource("blocks")
  void theOracleFindsNothing(String strategy, int from, int to) {
    Strategies installed = Strategies.installed();
    List<String> failures = new ArrayList<>();
    for (int n = from; n < to; n++) {
      RandomWorld w = RandomWorlds.generate(SEED, n);
      RunResult r = Simulation.runAudited(w.toRunSpec(1), installed.create(strategy));
      if (r.summary().safetyViolations() != 0 || !r.invariantBreaches().isEmpty()
          || r.violations(ViolationKind.CONSERVATION) != 0) {
        failures.add("world " + n + " (allocsim hunt " + strategy + " --seed " + SEED + "): " + r.violationCounts()
            + " " + r.violations().stream().limit(2).toList() + " " + r.invariantBreaches());
      }
    }
    assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " of " + (to - from) + " failed");
  }
}
