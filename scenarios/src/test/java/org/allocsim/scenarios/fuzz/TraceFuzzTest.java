package org.allocsim.scenarios.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;
import org.allocsim.scenarios.trace.BinaryTrace;
import org.allocsim.scenarios.trace.TextTrace;

/** Any bytes: the trace readers stream records or throw a TraceException; nothing else, no hang. */
class TraceFuzzTest {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("allocsim-fuzz");
      DIR.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "15s")
  void textTrace(byte[] data) throws IOException {
    Path f = DIR.resolve("fuzz.trace");
    Files.write(f, data);
    drain(f, false);
  }

  @FuzzTest(maxDuration = "15s")
  void binaryTrace(byte[] data) throws IOException {
    Path f = DIR.resolve("fuzz.bin");
    Files.write(f, data);
    drain(f, true);
  }

  private static void drain(Path f, boolean binary) throws IOException {
    try (RecordStream s = binary ? new BinaryTrace.Reader(f) : new TextTrace.Reader(f)) {
      RecordBatch batch = new RecordBatch();
      long total = 0;
      for (int n = s.read(batch); n > 0; n = s.read(batch)) {
        total += n;
        if (total > 10_000_000) {
          throw new AssertionError("more records than a small input can hold: " + total);
        }
      }
    } catch (TraceException e) {
      // the documented input error
    }
  }
}
