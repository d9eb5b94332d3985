package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed text trace fails with FILE:LINE:COLUMN and what was expected there. */
class TextErrorsTest {
  private static final String HEAD = "# allocsim trace v1\n# programs: p q\n";

  @TempDir
  Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty file", "",
            ":1:1: expected '# allocsim trace v1' as the first line, got end of file"),
        Arguments.of("bad header", "# allocsim trace v2\n",
            ":1:1: expected '# allocsim trace v1' as the first line, got '# allocsim trace v2'"),
        Arguments.of("no programs line", "# allocsim trace v1\n0 0 p 0 1\n",
            ":2:1: expected the '# programs: NAME ...' line that lists every program, got '0 0 p 0 1'"),
        Arguments.of("truncated after the first line", "# allocsim trace v1\n",
            ":2:1: expected the '# programs: NAME ...' line that lists every program, got end of file"),
        Arguments.of("bad program name", "# allocsim trace v1\n# programs: p 9lives\n",
            ":2:15: expected a program name ([A-Za-z_][A-Za-z0-9_.-]*, at most 255 characters), got '9lives'"),
        Arguments.of("duplicate program name", "# allocsim trace v1\n# programs: p q p\n",
            ":2:17: expected distinct program names, got 'p' twice"),
        Arguments.of("bad number", HEAD + "0 x p 0 1\n",
            ":3:3: expected cpu, a whole number 0..8191, got 'x'"),
        Arguments.of("cpu out of range", HEAD + "0 8192 p 0 1\n",
            ":3:3: expected cpu, a whole number 0..8191, got '8192'"),
        Arguments.of("negative key", HEAD + "0 0 p 0 -1\n",
            ":3:9: expected key1, a whole number 0..9223372036854775807, got '-1'"),
        Arguments.of("key beyond 2^63", HEAD + "0 0 p 0 1 9223372036854775808\n",
            ":3:11: expected key2, a whole number 0..9223372036854775807, got '9223372036854775808'"),
        Arguments.of("too few fields", HEAD + "0 0 p 0\n",
            ":3:8: expected key1, got end of line"),
        Arguments.of("too many fields", HEAD + "0 0 p 0 1 2 3\n",
            ":3:13: expected end of record after key2, got '3'"),
        Arguments.of("truncated line", HEAD + "# a comment\n\n5\n",
            ":5:2: expected cpu, got end of line"),
        Arguments.of("time backwards", HEAD + "2us 0 p 0 1\n1999 0 q 0 1\n",
            ":4:1: expected a time at or after 2000 ns (records in time order), got 1999 ns"),
        Arguments.of("unknown unit", HEAD + "5h 0 p 0 1\n",
            ":3:2: expected a time unit (ns, us, ms or s), got 'h'"),
        Arguments.of("binary garbage", HEAD + "\0\0\u00ff 0 p 0 1\n",
            ":3:1: expected a time (whole ns, or a number with unit ns, us, ms or s), got '\0\0\u00ff'"),
        Arguments.of("a line over the limit", HEAD + "0 0 p 0 " + "1".repeat(5000) + "\n",
            ":3:4097: line longer than 4096 characters; the limit is 4096 characters on a line (raise it with "
                + "ALLOCSIM_JAVA_OPTS=-Dallocsim.max_line_length=N)"),
        Arguments.of("not a time", HEAD + "soon 0 p 0 1\n",
            ":3:1: expected a time (whole ns, or a number with unit ns, us, ms or s), got 'soon'"),
        Arguments.of("a fraction of a nanosecond", HEAD + "1.0005us 0 p 0 1\n",
            ":3:1: expected a whole number of nanoseconds, got '1.0005us'"),
        Arguments.of("a fraction without unit", HEAD + "1.5 0 p 0 1\n",
            ":3:1: expected a whole number of nanoseconds, got '1.5'"),
        Arguments.of("time overflow", HEAD + "9223372037s 0 p 0 1\n",
            ":3:1: expected a time below 2^63 ns, got '9223372037s'"),
        Arguments.of("unknown program", HEAD + "0 0 r 0 1\n",
            ":3:5: expected a program named on line 2, got 'r'"),
        Arguments.of("step out of range", HEAD + "0 0 q 65536 1\n",
            ":3:7: expected step, a whole number 0..65535, got '65536'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsSayingWhereAndWhat(String name, String content, String message) throws IOException {
    Path f = dir.resolve("bad.trace");
    Files.writeString(f, content);
    TraceException e = assertThrows(TraceException.class, () -> {
      try (RecordStream in = TraceFiles.open(f)) {
        RecordBatch b = new RecordBatch();
        while (in.read(b) > 0) {
          b.clear();
        }
      }
    });
    assertEquals(f + message, e.getMessage());
  }
}
