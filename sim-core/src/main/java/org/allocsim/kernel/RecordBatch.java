package org.allocsim.kernel;

/**
 * A batch of trace records in struct-of-arrays form: one program step each. Streams refill it in place, so a
 * trace of any length replays in bounded memory.
 */
public final class RecordBatch {
  public static final int DEFAULT_CAPACITY = 8192;

  public final long[] time;
  public final int[] cpu;
  public final int[] program;
  public final int[] step;
  public final long[] key1;
  public final long[] key2;
  private int size;

  public RecordBatch() {
    this(DEFAULT_CAPACITY);
  }

  public RecordBatch(int capacity) {
    time = new long[capacity];
    cpu = new int[capacity];
    program = new int[capacity];
    step = new int[capacity];
    key1 = new long[capacity];
    key2 = new long[capacity];
  }

  public int capacity() {
    return time.length;
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  /** After a stream filled the first n entries of every column directly. */
  public void setSize(int n) {
    if (n < 0 || n > time.length) {
      throw new IllegalArgumentException("batch size " + n + " outside 0.." + time.length);
    }
    size = n;
  }

  public boolean isFull() {
    return size == time.length;
  }

  /** Appends a record; the caller checks {@link #isFull()} first. */
  public void add(long timeNs, int cpuIndex, int programSlot, int stepIndex, long firstKey, long secondKey) {
    int i = size++;
    time[i] = timeNs;
    cpu[i] = cpuIndex;
    program[i] = programSlot;
    step[i] = stepIndex;
    key1[i] = firstKey;
    key2[i] = secondKey;
  }
}
