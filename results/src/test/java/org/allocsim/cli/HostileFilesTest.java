package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files the catalogue cannot hold in git (a FIFO) or whose bytes are not a first line of text (UTF-16):
 * one line with a position, exit 2, and no wait on a FIFO.
 */
class HostileFilesTest {
  @TempDir
  Path dir;

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(status), err.toString().strip()};
  }

  private Path fifo() throws IOException, InterruptedException {
    Path f = dir.resolve("fifo.trace");
    Process p = new ProcessBuilder("mkfifo", f.toString()).inheritIO().start();
    assertEquals(0, p.waitFor());
    return f;
  }

  @Test
  void aFifoIsRefusedAsATraceWithoutBlocking() throws Exception {
    Path fifo = fifo();
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, "name: s\ndescription: d\nduration: 1s\nobjects:\n  o:\n    types: {foo: 16}\n"
        + "    maps:\n      h: {type: hash, max_entries: 4, kptr: {v: foo}}\n    programs:\n      p:\n"
        + "        steps:\n          - take_drop: {from: h.v}\ntrace: fifo.trace\n");
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      String[] v = run("validate", scenario.toString());
      assertEquals("2", v[0]);
      assertEquals("allocsim: " + scenario + ":13:8: trace file fifo.trace is a folder, device, FIFO or other "
          + "special file; expected a regular file", v[1]);
      String[] s = run("trace", "stats", fifo.toString());
      assertEquals("2", s[0]);
      assertEquals("allocsim: " + fifo + ": a device, FIFO or other special file, not a trace file; save the "
          + "trace to a regular file first", s[1]);
      String[] r = run("validate", fifo.toString());
      assertEquals("2", r[0]);
      assertTrue(r[1].endsWith("a device, FIFO or other special file, not a scenario file"), r[1]);
    });
  }

  @Test
  void anEndlessLineInATextTraceIsRefusedAtTheLimit() throws IOException {
    Path t = dir.resolve("zeros.trace");
    byte[] zeros = new byte[1 << 20]; // as a copy of /dev/zero would read: one line with no end in sight
    byte[] head = "# allocsim trace v1\n# programs: p\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + zeros.length];
    System.arraycopy(head, 0, all, 0, head.length);
    Files.write(t, all);
    String[] v = run("trace", "stats", t.toString());
    assertEquals("2", v[0]);
    assertEquals("allocsim: " + t + ":3:4097: line longer than 4096 characters; the limit is 4096 characters on a "
        + "line (raise it with ALLOCSIM_JAVA_OPTS=-Dallocsim.max_line_length=N)", v[1]);
  }

  @Test
  void utf16AndBinaryScenariosNameTheirPosition() throws IOException {
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, "name: s\ndescription: d\n".getBytes(StandardCharsets.UTF_16)); // with a BOM
    String[] v = run("validate", utf16.toString());
    assertEquals("2", v[0]);
    assertEquals("allocsim: " + utf16 + ":1:1: expected UTF-8 text, got byte 0xfe (a binary file, or UTF-16 text? "
        + "save it as UTF-8)", v[1]);
    Path noBom = dir.resolve("utf16le.yaml");
    Files.write(noBom, "name: s\n".getBytes(StandardCharsets.UTF_16LE));
    v = run("validate", noBom.toString());
    assertEquals("allocsim: " + noBom + ":1:2: expected text, got a NUL byte (a binary file, or UTF-16 text? save "
        + "it as UTF-8)", v[1]);
    assertFalse(v[1].contains("Input length"));
  }
}
