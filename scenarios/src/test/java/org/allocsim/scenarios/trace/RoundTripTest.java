package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RecordStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
  private static final long N = 200_000;

  @TempDir
  Path dir;

  @Test
  void textThenBinaryGivesBackEveryRecord() throws IOException {
    Path text = dir.resolve("g.trace");
    Path bin = dir.resolve("g.bin");
    assertEquals(N, TraceFiles.write(new Generated(N, 42), text));
    try (RecordStream in = TraceFiles.open(text)) {
      assertEquals(N, TraceFiles.write(in, bin));
    }
    try (RecordStream t = TraceFiles.open(text); RecordStream b = TraceFiles.open(bin)) {
      assertEquals(N, SameRecords.assertSame(new Generated(N, 42), t));
      assertEquals(N, SameRecords.assertSame(new Generated(N, 42), b));
    }
  }

  @Test
  void binaryThenTextGivesBackEveryRecord() throws IOException {
    Path bin = dir.resolve("g.bin");
    Path text = dir.resolve("g.txt");
    TraceFiles.write(new Generated(N, 7), bin);
    try (RecordStream in = TraceFiles.open(bin)) {
      TraceFiles.write(in, text);
    }
    try (RecordStream t = TraceFiles.open(text)) {
      assertEquals(N, SameRecords.assertSame(new Generated(N, 7), t));
    }
  }

  @Test
  void extremeValuesSurviveBothFormats() throws IOException {
    RecordList r = new RecordList()
        .add(0, 0, "a", 0, 0, 0)
        .add(0, 8191, "b", 65_535, Long.MAX_VALUE, Long.MAX_VALUE)
        .add(Long.MAX_VALUE, 1, "a", 1, 1, 0);
    for (Traces format : Traces.values()) {
      Path f = dir.resolve("x" + format);
      TraceFiles.write(r.stream(), f, format);
      try (RecordStream in = format.open(f)) {
        assertEquals(3, SameRecords.assertSame(r.stream(), in), format.formatName());
      }
    }
  }

  @Test
  void anEmptyStreamMakesAnEmptyTraceInEitherFormat() throws IOException {
    for (Traces format : Traces.values()) {
      Path f = dir.resolve("empty." + format.extensions().get(0));
      assertEquals(0, TraceFiles.write(RecordStream.empty(), f));
      try (RecordStream in = TraceFiles.open(f)) {
        assertEquals(List.of(), in.programNames());
        assertEquals(0, SameRecords.assertSame(RecordStream.empty(), in));
      }
    }
  }

  @Test
  void textTimesTakeUnitsAndKey2DefaultsToZero() throws IOException {
    Path f = dir.resolve("u.trace");
    Files.writeString(f, "# allocsim trace v1\n# programs: p q\n# comment\n\n"
        + "7 0 p 0 1\n"
        + "  7ns\t1 q 1 2 3  \n"
        + "1.5us 2 p 2 4\n"
        + "1.500000ms 3 q 3 5 0\n"
        + "2s 0 p 0 6 7\n"
        + "2.000000001s 0 p 0 8\n");
    RecordList expected = new RecordList()
        .add(7, 0, "p", 0, 1, 0)
        .add(7, 1, "q", 1, 2, 3)
        .add(1_500, 2, "p", 2, 4, 0)
        .add(1_500_000, 3, "q", 3, 5, 0)
        .add(2_000_000_000L, 0, "p", 0, 6, 7)
        .add(2_000_000_001L, 0, "p", 0, 8, 0);
    try (RecordStream in = TraceFiles.open(f)) {
      SameRecords.assertSame(expected.stream(), in);
    }
  }
}
