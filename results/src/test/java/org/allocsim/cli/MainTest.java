package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final String S7 = "../scenarios/library/s07-load-order.yaml";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir
  Path dir;

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void runPrintsOneRowPerStrategy() {
    assertEquals(0, run("run", S7, "--strategies", "global,per-field", "--out", dir.resolve("out").toString(),
        "--quiet"));
    assertTrue(out.toString().contains("scenario s07-load-order, seed 1, 3 records"), out.toString());
    assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("global ")), out.toString());
    assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("per-field ")), out.toString());
  }

  @Test
  void theFileAsWrittenIsCheckedAgainstItsExpectations() {
    assertEquals(0, run("run", S7, "--out", dir.resolve("out").toString(), "--quiet"));
    assertTrue(out.toString().lines().noneMatch(l -> l.startsWith("expectation")), out.toString());
  }

  @Test
  void aWhatIfRunSaysInOneLineThatItSkippedTheExpectations() {
    // Issue 16: --set cpus=8 used to print 14 "expectation failed" lines and exit 1.
    assertEquals(0, run("run", S7, "--set", "cpus=8", "--out", dir.resolve("out").toString(), "--quiet"));
    assertEquals(List.of("expectations not checked: this run changes the file's inputs (--set cpus)"),
        out.toString().lines().filter(l -> l.startsWith("expectation")).toList());
    out.getBuffer().setLength(0);
    assertEquals(0, run("run", S7, "--seed", "7", "--out", dir.resolve("out").toString(), "--quiet"));
    assertEquals(List.of("expectations not checked: this run changes the file's inputs (--seed 7 instead of 1)"),
        out.toString().lines().filter(l -> l.startsWith("expectation")).toList());
  }

  @Test
  void theTableShowsIdleTrafficAndDefinesItsColumns() {
    assertEquals(0, run("run", S7, "--strategies", "global,static-per-map", "--out", dir.resolve("out").toString(),
        "--quiet"));
    String header = out.toString().lines().filter(l -> l.startsWith("strategy")).findFirst().orElseThrow();
    assertTrue(header.contains(" idle "), header);
    assertTrue(out.toString().contains("idle: records that did nothing"), out.toString());
  }

  @Test
  void anUnknownParameterIsBadInputWithASuggestion() {
    assertEquals(2, run("run", S7, "--set", "rcu.grace_period=5", "--out", dir.resolve("out").toString()));
    assertEquals("allocsim: unknown parameter 'rcu.grace_period' — did you mean 'rcu.grace_period_ns'?",
        err.toString().trim());
  }

  @Test
  void aMalformedParameterValueIsBadInputNamingTheKey() {
    assertEquals(2, run("run", S7, "--set", "rcu.grace_period_ns=soon", "--out", dir.resolve("out").toString()));
    assertEquals("allocsim: --set rcu.grace_period_ns=soon: expected a duration (e.g. 25ms), got 'soon'",
        err.toString().trim());
  }

  @Test
  void anUnknownStrategyIsBadInput() {
    assertEquals(2, run("run", S7, "--strategies", "globl"));
    assertTrue(err.toString().startsWith("allocsim: --strategies: unknown strategy 'globl' — did you mean "
        + "'global'?"), err.toString());
  }

  @Test
  void runWithoutAFileIsBadInput() {
    assertEquals(2, run("run"));
    assertTrue(err.toString().startsWith("allocsim: Missing required parameter: 'FILE'"), err.toString());
  }

  @Test
  void listNamesTheStrategiesAndTheLibrary() {
    System.setProperty("allocsim.home", "..");
    try {
      assertEquals(0, run("list"));
    } finally {
      System.clearProperty("allocsim.home");
    }
    assertTrue(out.toString().contains("per-field-dissolving"));
    assertTrue(out.toString().contains("s07-load-order.yaml"), out.toString());
  }

  @Test
  void explainPrintsRuleSourceParametersAndWhereTheDesignDiffers() {
    assertEquals(0, run("explain", "runtime-refcount"));
    String text = out.toString();
    assertTrue(text.startsWith("runtime-refcount (org.allocsim.strategies.RuntimeRefcount)"), text);
    assertTrue(text.contains("rule:   "), text);
    assertTrue(
        text.contains("answers differently on: ") && text.contains("object allocated") && text.contains("object freed"),
        text);
    assertTrue(text.contains("runtime-refcount.merge = true bool"), text);
  }

  @Test
  void explainSaysWhatEveryDesignDoesWithTheNewObjects() {
    for (String name : org.allocsim.strategy.Strategies.installed().names()) {
      out.getBuffer().setLength(0);
      assertEquals(0, run("explain", name));
      String text = out.toString();
      assertTrue(text.contains("new objects: ") && !text.contains("new objects: not stated"), text);
      assertTrue(text.contains("program-side map_update / map_delete: "), text);
      assertTrue(text.contains("percpu and local-storage maps: "), text);
      assertTrue(text.contains("percpu"), name + ": " + text);
      assertTrue(text.contains("verifier rules: the kernel's, the same in every design"), name + ": " + text);
    }
  }

  @Test
  void explainOfAnUnknownStrategyIsBadInput() {
    assertEquals(2, run("explain", "per-feild"));
    assertTrue(err.toString().startsWith("allocsim: unknown strategy 'per-feild'"), err.toString());
  }
}
