package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code allocsim kernel}'s bad input: one line, exit status 2, nothing written. */
class KernelCommandTest {
  private static final String S7 = "../scenarios/library/s07-load-order.yaml";
  private CliRun last;
  @TempDir
  Path dir;

  private int run(String... args) {
    last = CliRun.of(args);
    return last.status();
  }

  @Test
  void noScenarioAndNoCalibrateIsBadInput() {
    assertEquals(2, run("kernel", "--out", dir.resolve("k").toString()));
    assertTrue(last.err().startsWith("allocsim: expected scenario files or --calibrate"), last.err());
    assertFalse(Files.exists(dir.resolve("k")));
  }

  @Test
  void aMissingKnownDifferencesFileIsBadInput() {
    assertEquals(2, run("kernel", S7, "--known", dir.resolve("none.csv").toString(), "--out",
        dir.resolve("k").toString()));
    assertTrue(last.err().startsWith("allocsim: --known: no such file: "), last.err());
    assertFalse(Files.exists(dir.resolve("k")));
  }
}
