package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.allocsim.hunt.Hunt;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.scenarios.random.RandomWorlds;
import org.allocsim.scenarios.random.WorldOptions;
import org.allocsim.strategies.Mutation;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each safe design with one of its joining or reference-taking rules dropped ({@link Mutation}) must be caught:
 * by the library's expectations (a regression row), by the oracle or the design's own invariants on a library
 * scenario, or by the oracle on the random worlds the property test runs. A rule no test needs would be a rule no
 * test checks (issue 15: the held-object edge of per-field-dissolving was one).
 */
class MutationTest {
  /** The property test's seed and first worlds. */
  private static final long SEED = 20220829L;
  private static final int WORLDS = 500;

  /** The library's claim scenarios and hunted counterexamples: short, and where the designs' rules are exercised. */
  static List<Path> claims() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "scenarios", "library"))) {
      return s.filter(p -> p.getFileName().toString().matches("(s\\d\\d|hunt)-.*\\.yaml")).sorted().toList();
    }
  }

  /** How a mutant was caught, or null. */
  static String caught(Mutation m) throws IOException {
    Strategies mutated = Strategies.installed().replacing(m.strategy(), m::create);
    List<String> how = new ArrayList<>();
    for (LibraryRuns.Outcome o : LibraryRuns.run(claims(), mutated, List.of(m.strategy()), 2)) {
      RunResult r = o.results().get(0);
      if (r.summary().safetyViolations() > 0 || !r.invariantBreaches().isEmpty()) {
        how.add("oracle on " + o.scenario().name());
      } else if (!Regressions.of(o).isEmpty()) {
        how.add("expectations of " + o.scenario().name());
      }
    }
    for (int n = 0; n < WORLDS && how.isEmpty(); n++) {
      RunResult r = Simulation.run(RandomWorlds.generate(SEED, n).toRunSpec(1), mutated.create(m.strategy()));
      if (r.summary().safetyViolations() > 0 || !r.invariantBreaches().isEmpty()) {
        how.add("oracle on random world " + n);
      }
    }
    return how.isEmpty() ? null : String.join(", ", how);
  }

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaught() {
    return Stream.of(Mutation.values()).map(m -> DynamicTest.dynamicTest(m.toString(), () -> {
      String how = caught(m);
      assertNotNull(how, m + " (" + m.description() + ") is caught by no test");
      System.out.println(m + ": caught by " + how);
    }));
  }

  @Test
  void theHeldEdgeMutantBreaksTheHeldObjectScenarioAndTheOriginalDoesNot() throws IOException {
    Path s7 = Path.of("..", "scenarios", "library", "s07-held-objects.yaml");
    Strategies mutated = Strategies.installed().replacing("per-field-dissolving",
        Mutation.PER_FIELD_DISSOLVING_HELD_EDGE::create);
    RunResult bad = LibraryRuns.run(List.of(s7), mutated, List.of("per-field-dissolving"), 1).get(0).results().get(0);
    assertEquals(1, bad.violations(ViolationKind.DESTROYED_WITH_LIVE_OBJECTS));
    assertEquals(1, bad.violations(ViolationKind.USE_AFTER_FREE));
    RunResult good = LibraryRuns.run(List.of(s7), Strategies.installed(), List.of("per-field-dissolving"), 1).get(0)
        .results().get(0);
    assertEquals(0, good.summary().safetyViolations());
  }

  @Test
  void theHunterFindsTheHeldEdgeMutant() {
    Strategies mutated = Strategies.installed().replacing("per-field-dissolving",
        Mutation.PER_FIELD_DISSOLVING_HELD_EDGE::create);
    Hunt.Counterexample c = Hunt.search(mutated, "per-field-dissolving", 1, 2000, WorldOptions.ALL, n -> {});
    assertNotNull(c, "no finding in 2,000 worlds");
    assertEquals(1310, c.world());
    assertEquals(ViolationKind.DESTROYED_WITH_LIVE_OBJECTS, c.finding().kind());
    String file = c.scenario("allocsim hunt", "held");
    assertTrue(file.contains("take_hold") && file.contains("put_held"), file);
    // Without held moves the same worlds hide it: the generator's held moves are what finds it.
    assertEquals(null, Hunt.search(mutated, "per-field-dissolving", 1, 2000, new WorldOptions(true, false),
        n -> {}));
  }
}
