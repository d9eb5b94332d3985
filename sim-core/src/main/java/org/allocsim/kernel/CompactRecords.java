package org.allocsim.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A record stream held in memory in blocks of 4096 records, each column of a block stored as offsets from the
 * block's minimum in the fewest bytes (1, 2, 4 or 8) that hold them; the time column holds the gaps between
 * records. About 12-16 bytes a record where a {@link RecordList} takes 40, and decoding is a tight loop per column
 * (a varint form took more time to decode than the generator took to draw). So a library scenario's records are
 * generated once and replayed for every strategy (issue 17: the generator was 70-80 % of each cache-resident run,
 * repeated seven times). Every value round-trips exactly.
 */
public final class CompactRecords {
  private static final int BLOCK = 4096;
  private static final int COLUMNS = 6;
  private static final int HEADER = COLUMNS * 9;
  private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final List<String> programs;
  private final List<byte[]> blocks = new ArrayList<>();
  private final long[][] staged = new long[COLUMNS][BLOCK];
  private int stagedCount;
  private long lastTime;
  private long size;
  private long bytes;

  private CompactRecords(List<String> programs) {
    this.programs = List.copyOf(programs);
  }

  /**
   * Every record of stream (closed afterwards), or null as soon as they would take more than maxBytes: the
   * caller then streams from the source for each run instead.
   */
  public static CompactRecords of(RecordStream stream, long maxBytes) {
    try (stream) {
      CompactRecords c = new CompactRecords(stream.programNames());
      RecordBatch batch = new RecordBatch();
      for (int n = stream.read(batch); n > 0; n = stream.read(batch)) {
        for (int i = 0; i < n; i++) {
          c.append(batch.time[i], batch.cpu[i], batch.program[i], batch.operation[i], batch.key1[i], batch.key2[i]);
        }
        if (c.bytes > maxBytes) {
          return null;
        }
      }
      c.flush();
      return c;
    }
  }

  /** Records held. */
  public long size() {
    return size;
  }

  /** Bytes of the encoded records. */
  public long bytes() {
    return bytes;
  }

  private void append(long time, int cpu, int program, int operation, long key1, long key2) {
    int i = stagedCount++;
    staged[0][i] = time - lastTime;
    staged[1][i] = cpu;
    staged[2][i] = program;
    staged[3][i] = operation;
    staged[4][i] = key1;
    staged[5][i] = key2;
    lastTime = time;
    size++;
    if (stagedCount == BLOCK) {
      flush();
    }
  }

  private void flush() {
    int n = stagedCount;
    if (n == 0) {
      return;
    }
    long[] base = new long[COLUMNS];
    int[] width = new int[COLUMNS];
    int length = HEADER;
    for (int c = 0; c < COLUMNS; c++) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, staged[c][i]);
        max = Math.max(max, staged[c][i]);
      }
      long range = max - min; // unsigned
      base[c] = min;
      width[c] = Long.compareUnsigned(range, 0xFFL) <= 0 ? 1 : Long.compareUnsigned(range, 0xFFFFL) <= 0 ? 2
          : Long.compareUnsigned(range, 0xFFFF_FFFFL) <= 0 ? 4 : 8;
      length += width[c] * n;
    }
    byte[] b = new byte[length];
    int p = HEADER;
    for (int c = 0; c < COLUMNS; c++) {
      LONGS.set(b, c * 9, base[c]);
      b[c * 9 + 8] = (byte) width[c];
      long[] col = staged[c];
      for (int i = 0; i < n; i++, p += width[c]) {
        long v = col[i] - base[c];
        switch (width[c]) {
          case 1 -> b[p] = (byte) v;
          case 2 -> SHORTS.set(b, p, (short) v);
          case 4 -> INTS.set(b, p, (int) v);
          default -> LONGS.set(b, p, v);
        }
      }
    }
    blocks.add(b);
    bytes += b.length;
    stagedCount = 0;
  }

  private static int countOf(byte[] block) {
    int perRecord = 0;
    for (int c = 0; c < COLUMNS; c++) {
      perRecord += block[c * 9 + 8];
    }
    return (block.length - HEADER) / perRecord;
  }

  /** Offset of column c's data in a block of n records. */
  private static int columnStart(byte[] block, int c, int n) {
    int p = HEADER;
    for (int k = 0; k < c; k++) {
      p += block[k * 9 + 8] * n;
    }
    return p;
  }

  private static void decode(byte[] block, int c, int n, int from, int count, long[] out, int at) {
    long base = (long) LONGS.get(block, c * 9);
    int w = block[c * 9 + 8];
    int p = columnStart(block, c, n) + from * w;
    switch (w) {
      case 1 -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = base + (block[p + i] & 0xFF);
        }
      }
      case 2 -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = base + ((short) SHORTS.get(block, p + 2 * i) & 0xFFFF);
        }
      }
      case 4 -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = base + ((int) INTS.get(block, p + 4 * i) & 0xFFFF_FFFFL);
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          out[at + i] = base + (long) LONGS.get(block, p + 8 * i);
        }
      }
    }
  }

  private static void decode(byte[] block, int c, int n, int from, int count, int[] out, int at, long[] scratch) {
    decode(block, c, n, from, count, scratch, 0);
    for (int i = 0; i < count; i++) {
      out[at + i] = (int) scratch[i];
    }
  }

  /** A fresh stream over the records (each run opens its own; any number may read at once). */
  public RecordStream stream() {
    return new RecordStream() {
      private final long[] scratch = new long[BLOCK];
      private int block;
      private int from;
      private long time;

      @Override
      public List<String> programNames() {
        return programs;
      }

      @Override
      public int read(RecordBatch batch) {
        batch.clear();
        int n = 0;
        int capacity = batch.capacity();
        while (n < capacity && block < blocks.size()) {
          byte[] b = blocks.get(block);
          int records = countOf(b);
          int count = Math.min(records - from, capacity - n);
          decode(b, 0, records, from, count, batch.time, n);
          for (int i = n; i < n + count; i++) {
            time += batch.time[i];
            batch.time[i] = time;
          }
          decode(b, 1, records, from, count, batch.cpu, n, scratch);
          decode(b, 2, records, from, count, batch.program, n, scratch);
          decode(b, 3, records, from, count, batch.operation, n, scratch);
          decode(b, 4, records, from, count, batch.key1, n);
          decode(b, 5, records, from, count, batch.key2, n);
          n += count;
          from += count;
          if (from == records) {
            block++;
            from = 0;
          }
        }
        batch.setSize(n);
        return n;
      }
    };
  }
}
