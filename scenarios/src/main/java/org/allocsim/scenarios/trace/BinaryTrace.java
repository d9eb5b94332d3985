package org.allocsim.scenarios.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/**
 * The compact binary format ({@code .bin}), byte by byte:
 *
 * <pre>
 * offset  bytes  field
 * 0       4      magic 0x89 'A' 'S' 'T' (0x89 0x41 0x53 0x54)
 * 4       1      version, 1
 * 5       8      record count N, unsigned little-endian
 * 13      …      program count P, varint; then P names, each a varint length 1..255 and that many ASCII bytes
 * …       …      N records, each six varints: time delta (ns after the previous record; the first counts from 0),
 *                cpu, program index (below P), step, key1, key2
 * end            the file ends right after record N
 * </pre>
 *
 * A varint is unsigned LEB128: seven bits a byte, least significant group first, the high bit set on every byte but
 * the last; at most 10 bytes. The 0x89 keeps a binary trace from passing for text; the count, filled in when the
 * writer closes, makes a file cut at a record boundary detectable. Time deltas are unsigned, so a binary trace
 * cannot go back in time.
 */
public final class BinaryTrace {
  static final int VERSION = 1;
  static final int HEADER_BYTES = 13;
  private static final int COUNT_OFFSET = 5;
  /** Six varints of at most 10 bytes: a buffer holding this many bytes holds a whole record. */
  static final int MAX_RECORD_BYTES = 60;

  private BinaryTrace() {}

  static byte[] magic() {
    return new byte[] {(byte) 0x89, 'A', 'S', 'T'};
  }

  /** Streams a binary trace through a FileChannel; errors read {@code FILE: byte OFFSET: expected …}. */
  public static final class Reader implements RecordStream {
    private static final String[] FIELDS = {"time delta", "cpu", "program index", "step", "key1", "key2"};
    private final ChannelInput in;
    private final ByteBuffer buf;
    private final List<String> names;
    private final long count;
    private long decoded;
    private long time;

    public Reader(Path path) throws IOException {
      this.in = new ChannelInput(path);
      this.buf = in.buffer();
      try {
        in.need(4, "magic 89 41 53 54 (an allocsim binary trace)");
        byte[] m = new byte[4];
        buf.get(m);
        if (!Arrays.equals(m, magic())) {
          throw in.error(0, String.format(Locale.ROOT, "expected magic 89 41 53 54 (an allocsim binary trace), got"
              + " %02x %02x %02x %02x", m[0], m[1], m[2], m[3]));
        }
        in.need(1, "version " + VERSION);
        int version = buf.get() & 0xff;
        if (version != VERSION) {
          throw in.error(4, "expected version " + VERSION + ", got " + version);
        }
        in.need(8, "the record count (8 bytes)");
        count = buf.getLong();
        if (count < 0) {
          throw in.error(COUNT_OFFSET, "expected a record count below 2^63, got " + Long.toUnsignedString(count));
        }
        names = programs();
      } catch (RuntimeException e) {
        in.close();
        throw e;
      }
    }

    private List<String> programs() {
      in.refillBelow(10);
      long at = in.offset();
      long p = in.varint("program count");
      if (p < 0 || p > RecordLimits.MAX_PROGRAMS) {
        throw in.error(at, "expected a program count 0.." + RecordLimits.MAX_PROGRAMS + ", got "
            + Long.toUnsignedString(p));
      }
      List<String> list = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        in.refillBelow(10 + RecordLimits.MAX_NAME_LENGTH);
        at = in.offset();
        long len = in.varint("the length of program name " + i);
        if (len < 1 || len > RecordLimits.MAX_NAME_LENGTH) {
          throw in.error(at, "expected the length 1.." + RecordLimits.MAX_NAME_LENGTH + " of program name " + i
              + ", got " + Long.toUnsignedString(len));
        }
        at = in.offset();
        in.need((int) len, "program name " + i + " (" + len + " bytes)");
        byte[] b = new byte[(int) len];
        buf.get(b);
        String name = new String(b, StandardCharsets.ISO_8859_1);
        if (!RecordLimits.isName(name)) {
          throw in.error(at, "expected program name " + i + " ([A-Za-z_][A-Za-z0-9_.-]*), got '" + name + "'");
        }
        if (list.contains(name)) {
          throw in.error(at, "expected distinct program names, got '" + name + "' twice");
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
      while (!batch.isFull() && decoded < count) {
        in.refillBelow(MAX_RECORD_BYTES);
        in.record = decoded;
        if (!buf.hasRemaining()) {
          throw in.error(in.offset(), "expected record " + decoded + " of " + count + " (the header's count), got"
              + " end of file");
        }
        long at = in.offset();
        long delta = in.varint(FIELDS[0]);
        if (delta < 0 || time + delta < time) {
          throw in.error(at, "expected a time below 2^63 ns" + in.ofRecord() + ", got "
              + Long.toUnsignedString(delta) + " ns after " + time + " ns");
        }
        time += delta;
        int cpu = (int) bounded(1, RecordLimits.MAX_CPU);
        at = in.offset();
        long program = in.varint(FIELDS[2]);
        if (program < 0 || program >= names.size()) {
          throw in.error(at, "expected program index" + in.ofRecord() + " below " + names.size() + " (the number"
              + " of programs), got " + Long.toUnsignedString(program));
        }
        int step = (int) bounded(3, RecordLimits.MAX_STEP);
        long key1 = bounded(4, Long.MAX_VALUE);
        long key2 = bounded(5, Long.MAX_VALUE);
        batch.add(time, cpu, (int) program, step, key1, key2);
        decoded++;
      }
      if (decoded == count && !in.atEnd()) {
        throw in.error(in.offset(), "expected end of file after record " + (count - 1) + " (the header's count is "
            + count + "), got more bytes");
      }
      return batch.size();
    }

    /** Field {@code f} as a varint in {@code 0..max}. */
    private long bounded(int f, long max) {
      long at = in.offset();
      long v = in.varint(FIELDS[f]);
      if (v < 0 || v > max) {
        throw in.error(at, "expected " + FIELDS[f] + " 0.." + max + in.ofRecord() + ", got "
            + Long.toUnsignedString(v));
      }
      return v;
    }

    @Override
    public void close() {
      in.close();
    }
  }

  /** Writes through a FileChannel from a large direct buffer; the record count goes in when it closes. */
  public static final class Writer implements TraceWriter {
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(ChannelInput.BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long count;
    /** Set when every record is out: only then does the header get its count. */
    private boolean complete;
    private boolean started;

    public Writer(Path path) throws IOException {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public long write(RecordStream records) throws IOException {
      if (started) {
        throw new IllegalStateException("a trace writer writes one stream");
      }
      started = true;
      List<String> names = RecordLimits.checkedNames(records.programNames());
      buf.put(magic()).put((byte) VERSION).putLong(0);
      varint(names.size());
      for (String n : names) {
        byte[] b = n.getBytes(StandardCharsets.ISO_8859_1);
        if (buf.remaining() < b.length + 10) {
          flush();
        }
        varint(b.length);
        buf.put(b);
      }
      RecordBatch batch = new RecordBatch();
      long last = 0;
      while (records.read(batch) > 0) {
        for (int i = 0; i < batch.size(); i++) {
          long t = RecordLimits.checkForWriting(batch, i, count, last, names.size());
          if (buf.remaining() < MAX_RECORD_BYTES) {
            flush();
          }
          varint(t - last);
          varint(batch.cpu[i]);
          varint(batch.program[i]);
          varint(batch.step[i]);
          varint(batch.key1[i]);
          varint(batch.key2[i]);
          last = t;
          count++;
        }
      }
      complete = true;
      return count;
    }

    private void varint(long v) {
      while ((v & ~0x7fL) != 0) {
        buf.put((byte) (v | 0x80));
        v >>>= 7;
      }
      buf.put((byte) v);
    }

    private void flush() throws IOException {
      buf.flip();
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      try (channel) {
        flush();
        if (complete) {
          ByteBuffer n = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, count);
          while (n.hasRemaining()) {
            channel.write(n, COUNT_OFFSET + n.position());
          }
        }
        channel.force(false);
      }
    }
  }
}
