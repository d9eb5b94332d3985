package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allocsim bless FILE} on a new scenario file beside the library's: its expect: block is written inline for
 * every strategy, as the library's were; no strategy is taken for a new one.
 */
class BlessCommandTest {
  private static final Path LIBRARY = Path.of("../scenarios/library");

  @TempDir
  Path dir;

  @Test
  void newScenarioWithoutExpectBlock_isBlessedInline() throws IOException {
    Files.copy(LIBRARY.resolve("s07-held-objects.yaml"), dir.resolve("s07-held-objects.yaml"));
    String text = Files.readString(LIBRARY.resolve("s07-load-order.yaml"), StandardCharsets.UTF_8);
    int expect = text.indexOf("\nexpect:");
    assertTrue(expect > 0, "the library file has an expect: block");
    Path fresh = dir.resolve("s07-load-order.yaml");
    Files.writeString(fresh, text.substring(0, expect + 1), StandardCharsets.UTF_8);

    CliRun bless = CliRun.of("bless", fresh.toString(), "--quiet");

    assertEquals(0, bless.status(), bless.err());
    assertFalse(Files.exists(dir.resolve("expectations")), bless.out());
    String blessed = Files.readString(fresh, StandardCharsets.UTF_8);
    for (String s : Strategies.installed().names()) {
      assertTrue(blessed.contains("\n  " + s + ":"), s + " in\n" + blessed);
    }
    assertEquals(text, blessed, "the library's own block, written again from the same runs");
  }
}
