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
      "frobnicate                          | allocsim: Unmatched argument at index 0: 'frobnicate'",
      "run S07 --strategies global,global  | allocsim: --strategies: 'global' is named twice; name each strategy once",
      "run S07 --set cpus=abc              | allocsim: --set cpus=abc: expected a whole number (count) from 1 to 4096, got 'abc'",
      "run S07 --set cpus=4 --set cpus=8   | allocsim: --set cpus=8: cpus is already set (--set cpus=4); give each key once",
      "run S07 --set cpus                  | allocsim: --set cpus: expected KEY=VALUE, e.g. --set cpus=8",
      "run S07 --replications 2147483647   | allocsim: --replications must be from 1 to 10000, got 2147483647; the limit is 10000 replications (raise it with ALLOCSIM_JAVA_OPTS=-Dallocsim.max_replications=N)",
      "run S07 --set kernel.control_cpu=9  | allocsim: --set kernel.control_cpu=9: expected a CPU from 0 to 3 (cpus is 4), got 9",
      "run S07 --set metrics.sample_interval_ns=1 | allocsim: --set metrics.sample_interval_ns=1: gives 1000000001 samples over the scenario's duration; the limit is 200000 metric samples per run",
      "run S07 --set memory.free_path=bogus | allocsim: --set memory.free_path=bogus: expected direct or rcu, got 'bogus'",
      "run S07 --set runtime-refcount.merge=yes | allocsim: --set runtime-refcount.merge=yes: expected true or false, got 'yes'",
      "validate S07 --set runtime-refcount.atomic_cost=-4 | allocsim: --set runtime-refcount.atomic_cost=-4: expected a whole number (ops) from 1 to 1000, got -4",
      "validate S07 --set allocator.cache_struct_bytes=99999999999 | allocsim: --set allocator.cache_struct_bytes=99999999999: expected a whole number (bytes) from 0 to 1048576, got 99999999999",
      "validate S07 --set rcu.grace_period_ns=soon | allocsim: --set rcu.grace_period_ns=soon: expected a duration (e.g. 25ms), got 'soon'",
      "trace stats /dev/zero               | allocsim: /dev/zero: a device, FIFO or other special file, not a trace file; save the trace to a regular file first",
      "validate /dev/zero                  | allocsim: /dev/zero:1:1: a device, FIFO or other special file, not a scenario file",
      "hunt globl                          | allocsim: unknown strategy 'globl' — did you mean 'global'?"})
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
