package org.allocsim.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines from allocsim's own words and random strings: every one ends with exit status 0, 1 or 2, and a 2
 * prints no stack trace. Commands that write where they please (bless, trace convert) or run long (bench, check)
 * are left out; run writes to a temporary folder and hunt searches three worlds.
 */
class CommandLineFuzzTest {
  private static final String S07 = "../scenarios/library/s07-load-order.yaml";
  private static final String[] COMMANDS = {"run", "validate", "params", "list", "hunt", "trace", "help"};
  private static final String[] WORDS = {"--strategies", "--seed", "--set", "--threads", "--quiet", "--worlds",
      "--no-map-in-map", "--help", "--version", "-h", "stats", "global", "per-field", "first-proposal",
      "cpus=3", "cpus=0", "rate=", "=", "1", "0", "-1", "99999999999999999999", "global,,per-field", S07,
      "../scenarios/bad/10-unknown-map-in-step.yaml", "/nonexistent.yaml", "--out"};
  private static final Path TMP;

  static {
    try {
      TMP = Files.createTempDirectory("allocsim-cli-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void commandLine(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    args.add(COMMANDS[data.consumeInt(0, COMMANDS.length - 1)]);
    int n = data.consumeInt(0, 6);
    for (int i = 0; i < n; i++) {
      args.add(data.consumeBoolean() ? WORDS[data.consumeInt(0, WORDS.length - 1)] : data.consumeString(24));
    }
    if (args.get(0).equals("run")) {
      args.addAll(List.of("--out", TMP.resolve("run").toString()));
    }
    if (args.get(0).equals("hunt")) {
      args.removeIf(a -> a.startsWith("--worlds") || a.startsWith("--out"));
      args.addAll(List.of("--worlds", "3", "--out", TMP.resolve("hunt.yaml").toString()));
    }
    if (args.get(0).equals("trace") && args.contains("convert")) {
      return;
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    if (status < 0 || status > 2) {
      throw new AssertionError("exit status " + status + " for " + args);
    }
    // A stack frame line, not just "\tat " (a fuzzed argument echoed in a message may hold that)
    if (err.toString().lines().anyMatch(l -> l.matches("\tat [\\w.$/]+\\([\\w.$]*(:\\d+)?\\)"))) {
      throw new AssertionError("a stack trace for " + args + ":\n" + err);
    }
  }
}
