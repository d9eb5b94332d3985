package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void runPrintsOneRowPerStrategy() {
    assertEquals(0, run("run", "--strategies", "global", "--records", "20000"));
    assertTrue(out.toString().contains("scenario katran-reload, seed 1, 20000 records"), out.toString());
    assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("global ")), out.toString());
  }

  @Test
  void anUnknownParameterIsBadInputWithASuggestion() {
    assertEquals(2, run("run", "--set", "rcu.grace_period=5"));
    assertTrue(err.toString().contains("unknown parameter 'rcu.grace_period' — did you mean 'rcu.grace_period_ns'?"),
        err.toString());
    assertTrue(!err.toString().contains("Exception"), err.toString());
  }

  @Test
  void aMalformedParameterValueIsBadInputNamingTheKey() {
    assertEquals(2, run("run", "--strategies", "global", "--set", "cpus=many"));
    assertEquals("allocsim: parameter cpus: expected a whole number (count), got 'many'", err.toString().trim());
  }

  @Test
  void anUnknownStrategyIsBadInput() {
    assertEquals(2, run("run", "--strategies", "globl"));
    assertTrue(err.toString().startsWith("allocsim: unknown strategy 'globl'"), err.toString());
  }

  @Test
  void listNamesTheStrategiesAndScenarios() {
    assertEquals(0, run("list"));
    assertTrue(out.toString().contains("global"));
    assertTrue(out.toString().contains("katran-reload"));
  }
}
