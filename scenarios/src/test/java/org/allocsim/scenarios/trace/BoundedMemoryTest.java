package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.allocsim.kernel.RecordStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 million records through a writer and back, produced and consumed on the fly: if any stage held the records,
 * this would need gigabytes (20M records are 640 MB as struct-of-arrays). Compared by count and checksum.
 */
class BoundedMemoryTest {
  private static final long N = 20_000_000;

  @TempDir
  Path dir;

  @Test
  void twentyMillionRecordsStreamThroughTheBinaryFormat() throws IOException {
    Path f = dir.resolve("big.bin");
    Generated source = new Generated(N, 2022);
    assertEquals(N, TraceFiles.write(source, f));
    try (RecordStream in = TraceFiles.open(f)) {
      Checksum read = Checksum.of(in);
      assertEquals(N, read.count());
      assertEquals(source.checksum(), read.value());
    }
  }

  @Test
  void twentyMillionRecordsStreamThroughATextToBinaryConversion() throws IOException {
    Path text = dir.resolve("big.trace");
    Path bin = dir.resolve("big.bin");
    Generated source = new Generated(N, 31);
    assertEquals(N, TraceFiles.write(source, text));
    try (RecordStream in = TraceFiles.open(text)) {
      assertEquals(N, TraceFiles.write(in, bin));
    }
    try (RecordStream in = TraceFiles.open(bin)) {
      Checksum read = Checksum.of(in);
      assertEquals(N, read.count());
      assertEquals(source.checksum(), read.value());
    }
  }
}
