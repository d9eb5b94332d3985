package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.allocsim.report.RunSet;
import org.allocsim.report.SummaryText;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenario library as a regression suite: every library scenario, under every strategy, reproduces its
 * expect: block (at the scenario's check duration, its short mode). One dynamic test per scenario and strategy.
 */
class LibraryRegressionTest {
  static List<Path> library() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "scenarios", "library"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyScenarioUnderEveryStrategyMatchesItsExpectations() throws IOException {
    List<LibraryRuns.Outcome> outcomes = LibraryRuns.run(library(), Strategies.installed(),
        Runtime.getRuntime().availableProcessors());
    // A strategy with no expectations at all is one failure with the way out, not one per scenario.
    Set<String> unrecorded = OwnExpectations.unrecorded(outcomes);
    Stream<DynamicNode> missing = unrecorded.stream().map(s -> DynamicTest.dynamicTest(s + " has expectations",
        () -> fail("strategy " + s + " has no expectations: run ./allocsim check once; it records them in "
            + "scenarios/library/expectations/" + s + ".yaml")));
    return Stream.concat(missing, outcomes.stream().map(o -> DynamicContainer.dynamicContainer(o.scenario().name(),
        Stream.concat(o.results().stream().filter(r -> !unrecorded.contains(r.strategy()))
            .map(r -> DynamicTest.dynamicTest(r.strategy(), () -> {
              assertFalse(o.scenario().expectations().isEmpty(), o.scenario().name() + " has no expect: block");
              List<Regressions.Row> rows = Regressions.of(o).stream()
                  .filter(row -> row.strategy().equals(r.strategy())).toList();
              assertEquals(List.of(), rows, "allocsim check " + o.scenario().path());
              assertEquals(List.of(), r.invariantBreaches().stream().filter(b -> b.startsWith("kernel:")).toList(),
                  "the kernel's own counts at the end of the run");
            })), Stream.of(DynamicTest.dynamicTest("summary.txt fits a mail", () -> summaryFitsAMail(o)))))));
  }

  /** Issue 16: summary.txt pastes into a reply: under 4 KB, 72 columns (cilium's was 11 KB). */
  private static void summaryFitsAMail(LibraryRuns.Outcome o) {
    ScenarioFile f = o.scenario();
    Map<String, String> params = new LinkedHashMap<>();
    f.parameters().forEach(p -> params.put(p.key(), p.value()));
    String text = SummaryText.render(new RunSet(f.name(), f.description(), f.text(), params, f.seed(), "test",
        "./allocsim run " + f.path() + " --seed " + f.seed(), o.results()));
    assertTrue(text.getBytes(StandardCharsets.UTF_8).length < 4096, text.length() + " bytes:\n" + text);
    text.lines().forEach(l -> assertTrue(l.length() <= 72, l));
  }
}
