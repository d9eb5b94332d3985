package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bad-option half of the catalogue: exit 2, a message that starts as stated, no stack trace, no outputs. */
class BadOptionsTest {
  private static final String S07 = "../scenarios/library/s07-load-order.yaml";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "run S07 --threads 0                 | allocsim: --threads must be at least 1",
      "run S07 --strategies globl          | allocsim: --strategies: unknown strategy 'globl' — did you mean 'global'?; known: ",
      "run S07 --seed twelve               | allocsim: Invalid value for option '--seed'",
      "run S07 --set nosuch.key=1          | allocsim: ",
      "run S07 --set cpus=0                | allocsim: ",
      "run S07 --bogus                     | allocsim: Unknown option: '--bogus'",
      "run                                 | allocsim: Missing required parameter: 'FILE'",
      "run /no/such/file.yaml              | allocsim: /no/such/file.yaml:1:1: cannot read the file: no such file",
      "trace stats .                       | allocsim: .: a directory, not a trace file",
      "hunt global --worlds -5             | allocsim: --worlds must be from 1 to ",
      "hunt global --seed x                | allocsim: Invalid value for option '--seed'",
      "trace stats /no/such.trace          | allocsim: ",
      "frobnicate                          | allocsim: Unmatched argument at index 0: 'frobnicate'"})
  void aBadOptionIsOneMessageAndExitTwo(String line, String start) {
    String[] words = (line.strip() + " --out " + dir.resolve("out")).replace("S07", S07).split("\\s+");
    if (!line.startsWith("run")) {
      words = line.strip().replace("S07", S07).split("\\s+");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(words, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(2, status, err.toString());
    assertTrue(err.toString().startsWith(start.strip()), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertFalse(Files.exists(dir.resolve("out")), "no output folder");
  }
}
