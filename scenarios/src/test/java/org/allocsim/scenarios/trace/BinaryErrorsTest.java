package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each damaged binary trace fails with FILE: byte OFFSET and what was expected there. The base file: programs p
 * and q (bytes 13..17), record 0 at bytes 18..23 and record 1 at 24..29, every varint one byte.
 */
class BinaryErrorsTest {
  @TempDir
  Path dir;

  /** A binary trace built byte by byte. */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes raw(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    Bytes header(long count) {
      raw(0x89, 'A', 'S', 'T', 1);
      for (int i = 0; i < 8; i++) {
        raw((int) (count >>> (8 * i)) & 0xff);
      }
      return this;
    }

    Bytes names(String... names) {
      varint(names.length);
      for (String n : names) {
        varint(n.length());
        out.writeBytes(n.getBytes(StandardCharsets.US_ASCII));
      }
      return this;
    }

    Bytes varint(long v) {
      while ((v & ~0x7fL) != 0) {
        out.write((int) (v & 0x7f) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
      return this;
    }

    Bytes record(long... fields) {
      for (long f : fields) {
        varint(f);
      }
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  static Bytes base(long count) {
    return new Bytes().header(count).names("p", "q").record(5, 1, 0, 2, 3, 0).record(0, 0, 1, 0, 1, 1);
  }

  static Stream<Arguments> cases() {
    byte[] whole = base(2).bytes();
    return Stream.of(
        Arguments.of("bad magic", new Bytes().raw('P', 'K', 3, 4, 1).bytes(),
            ": byte 0: expected magic 89 41 53 54 (an allocsim binary trace), got 50 4b 03 04"),
        Arguments.of("too short for the magic", new Bytes().raw(0x89, 'A').bytes(),
            ": byte 0: expected magic 89 41 53 54 (an allocsim binary trace), got end of file"),
        Arguments.of("unknown version", new Bytes().raw(0x89, 'A', 'S', 'T', 2).bytes(),
            ": byte 4: expected version 1, got 2"),
        Arguments.of("truncated header", new Bytes().raw(0x89, 'A', 'S', 'T', 1, 0, 0, 0).bytes(),
            ": byte 5: expected the record count (8 bytes), got end of file"),
        Arguments.of("absurd record count", new Bytes().header(-1).names().bytes(),
            ": byte 5: expected a record count below 2^63, got 18446744073709551615"),
        Arguments.of("empty program name", new Bytes().header(0).raw(1, 0).bytes(),
            ": byte 14: expected the length 1..255 of program name 0, got 0"),
        Arguments.of("bad program name", new Bytes().header(0).names("p", "9x").bytes(),
            ": byte 17: expected program name 1 ([A-Za-z_][A-Za-z0-9_.-]*), got '9x'"),
        Arguments.of("truncated record", Arrays.copyOf(whole, 27),
            ": byte 27: expected step of record 1, got end of file"),
        Arguments.of("truncated varint", new Bytes().header(1).names("p").record(0, 0, 0, 0).raw(0x80).bytes(),
            ": byte 20: expected key1 of record 0, got end of file inside its varint"),
        Arguments.of("fewer records than the header says", base(3).bytes(),
            ": byte 30: expected record 2 of 3 (the header's count), got end of file"),
        Arguments.of("more bytes than the header says", base(1).bytes(),
            ": byte 24: expected end of file after record 0 (the header's count is 1), got more bytes"),
        Arguments.of("bad varint", new Bytes().header(1).names("p").record(0)
            .raw(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).bytes(),
            ": byte 17: expected cpu of record 0 as a varint of at most 10 bytes and 64 bits, got a longer one"),
        Arguments.of("unknown program index", new Bytes().header(1).names("p", "q").record(0, 0, 2, 0, 0, 0).bytes(),
            ": byte 20: expected program index of record 0 below 2 (the number of programs), got 2"),
        Arguments.of("absurd cpu", new Bytes().header(1).names("p").record(0, 9000, 0, 0, 0, 0).bytes(),
            ": byte 17: expected cpu 0..8191 of record 0, got 9000"),
        Arguments.of("absurd step", new Bytes().header(1).names("p").record(0, 0, 0, 70_000, 0, 0).bytes(),
            ": byte 19: expected step 0..65535 of record 0, got 70000"),
        Arguments.of("negative key", new Bytes().header(1).names("p").record(0, 0, 0, 0, 0, Long.MIN_VALUE)
            .bytes(), ": byte 21: expected key2 0..9223372036854775807 of record 0, got 9223372036854775808"),
        Arguments.of("time past 2^63", new Bytes().header(2).names("p").record(Long.MAX_VALUE, 0, 0, 0, 0, 0)
            .record(1, 0, 0, 0, 0, 0).bytes(),
            ": byte 30: expected a time below 2^63 ns of record 1, got 1 ns after 9223372036854775807 ns"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsSayingWhereAndWhat(String name, byte[] content, String message) throws IOException {
    Path f = dir.resolve("bad.bin");
    Files.write(f, content);
    assertEquals(f + message, readAll(f).getMessage());
  }

  @Test
  void theUndamagedBaseReads() throws IOException {
    Path f = dir.resolve("ok.bin");
    Files.write(f, base(2).bytes());
    try (RecordStream in = TraceFiles.open(f)) {
      assertEquals(2, Checksum.of(in).count());
    }
  }

  private static TraceException readAll(Path f) {
    return assertThrows(TraceException.class, () -> {
      try (RecordStream in = TraceFiles.open(f)) {
        RecordBatch b = new RecordBatch();
        while (in.read(b) > 0) {
          b.clear();
        }
      }
    });
  }
}
