package org.allocsim.scenarios.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioReader;

/** Any text: the scenario reader returns a scenario or throws a ScenarioError naming file, line and column. */
class ScenarioFuzzTest {
  private static final ScenarioReader READER = new ScenarioReader();

  @FuzzTest(maxDuration = "30s")
  void scenarioParser(byte[] data) {
    try {
      READER.parse(Path.of("fuzz.yaml"), new String(data, StandardCharsets.UTF_8), Parameters.EMPTY);
    } catch (ScenarioError e) {
      if (!e.getMessage().startsWith("fuzz.yaml:")) {
        throw new AssertionError("a scenario error must name file, line and column: " + e.getMessage());
      }
    }
  }
}
