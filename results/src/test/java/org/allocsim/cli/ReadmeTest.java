package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.params.ParameterSpec;
import org.allocsim.scenarios.trace.Traces;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * The README documents every installed strategy, and its pages in docs/ every parameter with its real default and
 * every trace format.
 */
class ReadmeTest {
  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }

  private static String doc(String name) throws IOException {
    return Files.readString(Path.of("..", "docs", name));
  }

  @Test
  void everyKernelParameterIsInTheTableWithItsDefault() throws IOException {
    String text = doc("parameters.md");
    for (ParameterSpec p : KernelParameters.ALL) {
      assertTrue(text.contains("| `" + p.key() + "` | " + p.defaultValue() + " |"), p.key());
    }
  }

  @Test
  void everyStrategyHasARow() throws IOException {
    String text = readme();
    for (String name : Strategies.installed().names()) {
      assertTrue(text.contains("| `" + name + "` |"), name);
    }
  }

  @Test
  void everyTraceFormatHasARowWithItsExtensions() throws IOException {
    String text = doc("trace-formats.md");
    for (Traces t : Traces.values()) {
      String exts = String.join(", ", t.extensions().stream().map(e -> "`." + e + "`").toList());
      assertTrue(text.contains("| `" + t.formatName() + "` | " + exts + " |"), t.formatName());
    }
  }

  @Test
  void theTestCommandIsWhatCiRuns() throws IOException {
    assertTrue(readme().contains("./mvnw -B verify"));
    assertTrue(Files.readString(Path.of("..", ".ci", "run")).contains("./mvnw -B verify"));
  }
}
