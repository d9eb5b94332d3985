package org.allocsim.scenarios.trace;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.allocsim.kernel.TraceException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/**
 * The readable line format ({@code .trace}, {@code .txt}):
 *
 * <pre>
 * # allocsim trace v1                      required first line
 * # programs: balancer_ingress xdp_fwd     required second line: every program name, in index order
 * # any other comment; blank lines too
 * 0 0 balancer_ingress 0 17 4              time cpu program step key1 [key2]
 * 1.5us 3 xdp_fwd 2 9                      key2 defaults to 0; time takes ns, us, ms or s
 * </pre>
 *
 * Fields are separated by spaces or tabs. The names come first so that a reader knows them before its first record,
 * as {@link RecordStream#programNames()} requires, without a pre-scan of a file that may hold 10^9 lines.
 */
public final class TextTrace {
  /** What a text trace's first bytes are, for format detection. */
  static final String MAGIC = "# allocsim trace";
  static final String FIRST_LINE = MAGIC + " v1";
  static final String PROGRAMS = "# programs:";

  private TextTrace() {}

  /** Streams a text trace through a {@link BufferedReader}; errors read {@code FILE:LINE:COLUMN: expected …}. */
  public static final class Reader implements RecordStream {
    private final String file;
    private final BufferedReader in;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final TextFields fields;
    private long lineNumber;
    private long lastTime;

    public Reader(Path path) throws IOException {
      this.file = path.toString();
      this.fields = new TextFields(file);
      this.in = new BufferedReader(new LineLimitReader(new java.io.InputStreamReader(Files.newInputStream(path),
          StandardCharsets.UTF_8.newDecoder()), file), 1 << 16);
      try {
        String first = nextLine();
        if (first == null || !first.strip().equals(FIRST_LINE)) {
          throw fields.error(1, 1, "expected '" + FIRST_LINE + "' as the first line, got "
              + (first == null ? "end of file" : TextFields.quote(first.strip())));
        }
        this.names = programs(nextLine());
      } catch (RuntimeException e) {
        in.close();
        throw e;
      }
    }

    private List<String> programs(String line) {
      if (line == null || !line.startsWith(PROGRAMS)) {
        throw fields.error(2, 1, "expected the '" + PROGRAMS + " NAME ...' line that lists every program, got "
            + (line == null ? "end of file" : TextFields.quote(line.strip())));
      }
      List<String> list = new ArrayList<>();
      fields.split(line, PROGRAMS.length());
      for (int f = 0; f < fields.count(); f++) {
        String name = fields.text(line, f);
        if (!RecordLimits.isName(name)) {
          throw fields.error(2, fields.column(f), "expected a program name ([A-Za-z_][A-Za-z0-9_.-]*, at most "
              + RecordLimits.MAX_NAME_LENGTH + " characters), got " + TextFields.quote(name));
        }
        if (index.putIfAbsent(name, list.size()) != null) {
          throw fields.error(2, fields.column(f), "expected distinct program names, got '" + name + "' twice");
        }
        list.add(name);
      }
      return List.copyOf(list);
    }

    @Override
    public List<String> programNames() {
      return names;
    }

    @Override
    public int read(RecordBatch batch) {
      batch.clear();
      String line;
      while (!batch.isFull() && (line = nextLine()) != null) {
        if (fields.split(line, 0) == 0 || line.charAt(fields.start(0)) == '#') {
          continue;
        }
        long ln = lineNumber;
        long t = fields.time(ln, line, 0);
        if (t < lastTime) {
          throw fields.error(ln, 1, "expected a time at or after " + lastTime + " ns (records in time order), got "
              + t + " ns");
        }
        int cpu = (int) fields.number(ln, line, 1, "cpu", RecordLimits.MAX_CPU);
        int program = program(ln, line);
        int step = (int) fields.number(ln, line, 3, "step", RecordLimits.MAX_STEP);
        long key1 = fields.number(ln, line, 4, "key1", Long.MAX_VALUE);
        long key2 = fields.count() > 5 ? fields.number(ln, line, 5, "key2", Long.MAX_VALUE) : 0;
        if (fields.count() > 6) {
          throw fields.error(ln, fields.column(6), "expected end of record after key2, got "
              + TextFields.quote(fields.text(line, 6)));
        }
        lastTime = t;
        batch.add(t, cpu, program, step, key1, key2);
      }
      return batch.size();
    }

    private int program(long ln, String line) {
      fields.require(ln, 2, "program");
      Integer p = index.get(fields.text(line, 2));
      if (p == null) {
        throw fields.error(ln, fields.column(2), "expected a program named on line 2, got "
            + TextFields.quote(fields.text(line, 2)));
      }
      return p;
    }

    private String nextLine() {
      try {
        String line = in.readLine();
        if (line != null) {
          lineNumber++;
        }
        return line;
      } catch (java.nio.charset.CharacterCodingException e) {
        // Found by fuzzing: a byte that is not UTF-8 escaped as an UncheckedIOException, not an input error.
        throw new TraceException(file + ":" + (lineNumber + 1) + ":1: expected UTF-8 text, got bytes that are not "
            + "UTF-8 on this line or the next ones");
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": line " + (lineNumber + 1) + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes times as whole nanoseconds and leaves out a zero key2, so every value reads back exactly. */
  public static final class Writer implements TraceWriter {
    private final FileChannel channel;
    private final BufferedWriter out;
    private boolean started;

    public Writer(Path path) throws IOException {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      this.out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 20);
    }

    @Override
    public long write(RecordStream records) throws IOException {
      if (started) {
        throw new IllegalStateException("a trace writer writes one stream");
      }
      started = true;
      List<String> names = RecordLimits.checkedNames(records.programNames());
      out.write(FIRST_LINE);
      out.write('\n');
      out.write(PROGRAMS);
      for (String n : names) {
        out.write(' ');
        out.write(n);
      }
      out.write("\n# time_ns cpu program step key1 [key2]\n");
      RecordBatch batch = new RecordBatch();
      StringBuilder line = new StringBuilder(96);
      long count = 0;
      long last = 0;
      while (records.read(batch) > 0) {
        for (int i = 0; i < batch.size(); i++) {
          last = RecordLimits.checkForWriting(batch, i, count++, last, names.size());
          line.setLength(0);
          line.append(last).append(' ').append(batch.cpu[i]).append(' ').append(names.get(batch.program[i]))
              .append(' ').append(batch.step[i]).append(' ').append(batch.key1[i]);
          if (batch.key2[i] != 0) {
            line.append(' ').append(batch.key2[i]);
          }
          out.append(line).append('\n');
        }
      }
      return count;
    }

    @Override
    public void close() throws IOException {
      try (channel) {
        out.flush();
        channel.force(false);
      }
    }
  }
}
