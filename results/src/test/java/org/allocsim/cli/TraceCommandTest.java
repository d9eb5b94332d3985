package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allocsim.kernel.RecordList;
import org.allocsim.scenarios.trace.TraceFiles;
import org.allocsim.scenarios.trace.Traces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private Path text;

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @BeforeEach
  void writeATrace() throws IOException {
    text = dir.resolve("t.trace");
    Files.writeString(text, "# allocsim trace v1\n# programs: balancer_ingress xdp\n"
        + "0 0 balancer_ingress 0 17\n"
        + "1.5us 3 xdp 2 9 4\n"
        + "2ms 1 balancer_ingress 1 5\n"
        + "1s 1 balancer_ingress 0 65535 1\n");
  }

  @Test
  void convertWritesTheOtherFormatAndBack() throws IOException {
    Path bin = dir.resolve("t.bin");
    assertEquals(0, run("trace", "convert", text.toString(), bin.toString()), err.toString());
    assertEquals("wrote 4 records to " + bin + " (binary, " + Files.size(bin) + " bytes)", out.toString().trim());
    Path back = dir.resolve("back.out");
    assertEquals(0, run("trace", "convert", bin.toString(), back.toString(), "--format", "text"), err.toString());
    assertEquals(Traces.TEXT, Traces.detect(back));
    assertEquals("# allocsim trace v1\n# programs: balancer_ingress xdp\n# time_ns cpu program step key1 [key2]\n"
        + "0 0 balancer_ingress 0 17\n"
        + "1500 3 xdp 2 9 4\n"
        + "2000000 1 balancer_ingress 1 5\n"
        + "1000000000 1 balancer_ingress 0 65535 1\n", Files.readString(back));
  }

  @Test
  void statsPrintsANarrowTable() {
    assertEquals(0, run("trace", "stats", text.toString()), err.toString());
    String s = out.toString();
    assertTrue(s.startsWith("trace " + text + " (text)\nrecords        4\n"), s);
    assertTrue(s.contains("time span      1.00 s\n"), s);
    assertTrue(s.contains("mean rate      4.0 records/s\n"), s);
    assertTrue(s.contains("key1 range     5 .. 65535\n"), s);
    assertTrue(s.contains("key2 range     0 .. 4\n"), s);
    assertTrue(s.contains("\nbalancer_ingress                    all              3   75.0%\n"
        + "                                      0              2   50.0%\n"
        + "                                      1              1   25.0%\n"
        + "xdp                                 all              1   25.0%\n"
        + "                                      2              1   25.0%\n"), s);
    assertTrue(s.contains("\n1                   2   50.0%\n"), s);
    assertTrue(s.lines().allMatch(l -> l.length() <= 72), s);
  }

  @Test
  void statsOfAnEmptyTraceSaysSo() throws IOException {
    Path empty = dir.resolve("e.bin");
    TraceFiles.write(new RecordList().stream(), empty);
    assertEquals(0, run("trace", "stats", empty.toString()), err.toString());
    assertTrue(out.toString().startsWith("trace " + empty + " (binary)\nrecords        0\n"), out.toString());
  }

  @Test
  void aMalformedTraceIsBadInputWithOneLine() throws IOException {
    Files.writeString(text, "# allocsim trace v1\n# programs: p\n0 0 p 0 1\n5 0 p zero 1\n");
    Path bin = dir.resolve("t.bin");
    assertEquals(2, run("trace", "convert", text.toString(), bin.toString()));
    assertEquals("allocsim: " + text + ":4:7: expected step, a whole number 0..65535, got 'zero'",
        err.toString().trim());
    assertFalse(Files.exists(bin), "nothing half-written");
  }

  @Test
  void aDamagedBinaryTraceIsBadInputWithOneLine() throws IOException {
    Path bin = dir.resolve("t.bin");
    Files.write(bin, new byte[] {'P', 'K', 3, 4, 0});
    assertEquals(2, run("trace", "stats", bin.toString()));
    assertEquals("allocsim: " + bin + ": byte 0: expected magic 89 41 53 54 (an allocsim binary trace), got 50 4b"
        + " 03 04", err.toString().trim());
  }

  @Test
  void unknownFormatsAndMissingFilesAreBadInput() {
    assertEquals(2, run("trace", "convert", text.toString(), dir.resolve("t.csv").toString()));
    assertEquals("allocsim: cannot tell the trace format of " + dir.resolve("t.csv") + " from its extension"
        + " (.trace, .txt, .bin); give --format text|binary", err.toString().trim());
    err.getBuffer().setLength(0);
    assertEquals(2, run("trace", "convert", text.toString(), dir.resolve("t.bin").toString(), "--format", "csv"));
    assertEquals("allocsim: unknown trace format 'csv'; known: text, binary", err.toString().trim());
    err.getBuffer().setLength(0);
    assertEquals(2, run("trace", "stats", dir.resolve("missing.trace").toString()));
    assertEquals("allocsim: " + dir.resolve("missing.trace") + ": no such file", err.toString().trim());
  }

  @Test
  void traceWithoutASubcommandIsBadInput() {
    assertEquals(2, run("trace"));
    assertEquals("allocsim: missing subcommand: record, convert or stats\nTry 'allocsim trace --help'.",
        err.toString().trim().replace("\r", ""));
  }
}
