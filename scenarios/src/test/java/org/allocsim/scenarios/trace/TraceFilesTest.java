package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFilesTest {
  @TempDir
  Path dir;

  private final RecordList backwards = new RecordList().add(10, 0, "p", 0, 1).add(5, 0, "p", 0, 2);

  @Test
  void aFailedWriteLeavesTheTargetAsItWasAndNoTemporary() throws IOException {
    for (Traces format : Traces.values()) {
      Path target = dir.resolve("old." + format.extensions().get(0));
      Files.writeString(target, "previous contents");
      TraceException e = assertThrows(TraceException.class,
          () -> TraceFiles.write(backwards.stream(), target, format));
      assertEquals("record 1: time 5 ns goes back before 10 ns", e.getMessage());
      assertEquals("previous contents", Files.readString(target));
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(target), files.toList(), format.formatName());
      }
      Files.delete(target);
    }
  }

  @Test
  void writersRefuseWhatNoReaderWouldAccept() {
    Path target = dir.resolve("x.bin");
    RecordList badCpu = new RecordList().add(0, 9000, "p", 0, 1);
    assertEquals("record 0: cpu 9000 is outside 0..8191",
        assertThrows(TraceException.class, () -> TraceFiles.write(badCpu.stream(), target)).getMessage());
    RecordList badName = new RecordList().add(0, 0, "two words", 0, 1);
    assertEquals("program name 'two words' cannot be written: expected [A-Za-z_][A-Za-z0-9_.-]*, at most 255"
        + " characters",
        assertThrows(TraceException.class,
            () -> TraceFiles.write(badName.stream(), target)).getMessage());
    assertFalse(Files.exists(target));
  }

  @Test
  void formatsAreFoundByNameExtensionAndMagic() throws IOException {
    assertEquals(Traces.BINARY, Traces.named("binary"));
    assertEquals(Traces.TEXT, Traces.named("text"));
    assertEquals("unknown trace format 'csv'; known: text, binary",
        assertThrows(IllegalArgumentException.class, () -> Traces.named("csv")).getMessage());
    assertEquals(Optional.of(Traces.TEXT), Traces.byExtension(Path.of("a.TXT")));
    assertEquals(Optional.of(Traces.TEXT), Traces.byExtension(Path.of("a.trace")));
    assertEquals(Optional.of(Traces.BINARY), Traces.byExtension(Path.of("dir.x/a.bin")));
    assertEquals(Optional.empty(), Traces.byExtension(Path.of("bin")));

    RecordList one = new RecordList().add(3, 1, "p", 2, 4, 5);
    Path bin = dir.resolve("plain-bin");
    Path text = dir.resolve("plain-text");
    TraceFiles.write(one.stream(), bin, Traces.BINARY);
    TraceFiles.write(one.stream(), text, Traces.TEXT);
    assertEquals(Traces.BINARY, Traces.detect(bin));
    assertEquals(Traces.TEXT, Traces.detect(text));
    try (RecordStream b = TraceFiles.open(bin); RecordStream t = TraceFiles.open(text)) {
      SameRecords.assertSame(b, t);
    }
    Path other = dir.resolve("notes");
    Files.writeString(other, "hello");
    assertEquals(other + ": byte 0: expected a trace (an extension of .trace, .txt, .bin, or a text or binary"
        + " trace header), got neither", assertThrows(TraceException.class, () -> Traces.detect(other)).getMessage());
    assertEquals(dir.resolve("none.bin") + ": no such file",
        assertThrows(TraceException.class, () -> TraceFiles.open(dir.resolve("none.bin"))).getMessage());
  }

  @Test
  void theBinaryHeaderIsAsDocumented() throws IOException {
    Path f = dir.resolve("h.bin");
    TraceFiles.write(new RecordList().add(300, 2, "ab", 1, 128, 0).stream(), f);
    byte[] expected = {(byte) 0x89, 'A', 'S', 'T', 1, 1, 0, 0, 0, 0, 0, 0, 0, // magic, version, count 1
        1, 2, 'a', 'b', // one program, "ab"
        (byte) 0xac, 0x02, 2, 0, 1, (byte) 0x80, 0x01, 0}; // 300 = 0xac 0x02, cpu, program, step, 128, 0
    assertArrayEquals(expected, Files.readAllBytes(f));
  }

  @Test
  void theTextLayoutIsAsDocumented() throws IOException {
    Path f = dir.resolve("h.trace");
    TraceFiles.write(new RecordList().add(300, 2, "ab", 1, 128, 0).add(301, 0, "cd", 0, 1, 2).stream(), f);
    assertEquals("# allocsim trace v1\n# programs: ab cd\n# time_ns cpu program step key1 [key2]\n"
        + "300 2 ab 1 128\n301 0 cd 0 1 2\n", Files.readString(f));
  }

  @Test
  void aSummaryCountsPerProgramStepAndCpu() {
    RecordList r = new RecordList()
        .add(1_000, 0, "p", 0, 5, 0)
        .add(2_000, 3, "q", 2, 9, 4)
        .add(1_000_001_000, 3, "p", 1, 7, 1);
    TraceSummary s = TraceSummary.of(r.stream());
    assertEquals(3, s.records());
    assertEquals(1_000_000_000, s.spanNs());
    assertEquals(3.0, s.meanRatePerSecond(), 1e-9);
    assertEquals(List.of(new TraceSummary.ProgramCount("p", 2, List.of(1L, 1L)),
        new TraceSummary.ProgramCount("q", 1, List.of(0L, 0L, 1L))), s.programs());
    assertEquals(List.of(1L, 0L, 0L, 2L), s.perCpu());
    assertEquals(List.of(5L, 9L, 0L, 4L), List.of(s.key1Min(), s.key1Max(), s.key2Min(), s.key2Max()));
  }
}
