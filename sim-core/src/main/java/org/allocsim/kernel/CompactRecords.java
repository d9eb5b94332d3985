package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A record stream held in memory as varints: the time as a zigzag delta from the previous record, then CPU,
 * program, step and both keys (zigzag, so any value round-trips exactly). About 8-12 bytes a record where a
 * {@link RecordList} takes 40, so a library scenario's records are generated once and replayed for every strategy
 * (issue 17: the generator was 70-80 % of each cache-resident run, repeated seven times).
 */
public final class CompactRecords {
  private static final int CHUNK_BYTES = 1 << 20;
  /** Room for one record of six maximal varints. */
  private static final int RECORD_MAX_BYTES = 6 * 10;

  private final List<String> programs;
  private final List<byte[]> chunks = new ArrayList<>();
  private final List<Integer> ends = new ArrayList<>();
  private byte[] current = new byte[CHUNK_BYTES];
  private int position;
  private long lastTime;
  private long size;

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
        if (c.bytes() > maxBytes) {
          return null;
        }
      }
      c.seal();
      return c;
    }
  }

  /** Records held. */
  public long size() {
    return size;
  }

  /** Bytes of the encoded records. */
  public long bytes() {
    long b = position;
    for (int e : ends) {
      b += e;
    }
    return b;
  }

  private void append(long time, int cpu, int program, int operation, long key1, long key2) {
    if (position + RECORD_MAX_BYTES > current.length) {
      seal();
      current = new byte[CHUNK_BYTES];
      position = 0;
    }
    position = put(current, position, zigzag(time - lastTime));
    position = put(current, position, zigzag(cpu));
    position = put(current, position, zigzag(program));
    position = put(current, position, zigzag(operation));
    position = put(current, position, zigzag(key1));
    position = put(current, position, zigzag(key2));
    lastTime = time;
    size++;
  }

  private void seal() {
    if (position > 0) {
      chunks.add(current);
      ends.add(position);
    }
    current = new byte[0];
    position = 0;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static int put(byte[] b, int p, long v) {
    while ((v & ~0x7FL) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    return p;
  }

  /** A fresh stream over the records (each run opens its own; any number may read at once). */
  public RecordStream stream() {
    return new RecordStream() {
      private int chunk;
      private int p;
      private long time;
      private long v;

      @Override
      public List<String> programNames() {
        return programs;
      }

      @Override
      public int read(RecordBatch batch) {
        batch.clear();
        int n = 0;
        int capacity = batch.capacity();
        while (n < capacity && chunk < chunks.size()) {
          byte[] b = chunks.get(chunk);
          int end = ends.get(chunk);
          while (n < capacity && p < end) {
            p = get(b, p);
            time += unzigzag(v);
            batch.time[n] = time;
            p = get(b, p);
            batch.cpu[n] = (int) unzigzag(v);
            p = get(b, p);
            batch.program[n] = (int) unzigzag(v);
            p = get(b, p);
            batch.operation[n] = (int) unzigzag(v);
            p = get(b, p);
            batch.key1[n] = unzigzag(v);
            p = get(b, p);
            batch.key2[n] = unzigzag(v);
            n++;
          }
          if (p >= end) {
            chunk++;
            p = 0;
          }
        }
        batch.setSize(n);
        return n;
      }

      /** Reads one varint at p into v; returns the position after it. */
      private int get(byte[] b, int p) {
        long x = 0;
        int shift = 0;
        byte by;
        do {
          by = b[p++];
          x |= (long) (by & 0x7F) << shift;
          shift += 7;
        } while (by < 0);
        v = x;
        return p;
      }
    };
  }
}
