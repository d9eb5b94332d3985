package org.allocsim.world;

/**
 * A sparse array of non-negative ints (object or map ids) with an "empty" state, for map values. Chunks are
 * allocated on first write, so a katran-sized map (33M entries) costs nothing until used.
 */
public final class SlotArray {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;

  private final long length;
  private final int[][] chunks;
  private long used;

  public SlotArray(long length) {
    if (length <= 0 || length > (long) Integer.MAX_VALUE * CHUNK) {
      throw new IllegalArgumentException("slot array length out of range: " + length);
    }
    this.length = length;
    this.chunks = new int[(int) ((length + CHUNK - 1) >>> CHUNK_BITS)][];
  }

  public long length() {
    return length;
  }

  /** Number of non-empty slots. */
  public long used() {
    return used;
  }

  /** The id stored at index, or -1 when empty. */
  public int get(long index) {
    int[] chunk = chunks[(int) (index >>> CHUNK_BITS)];
    return chunk == null ? -1 : chunk[(int) (index & MASK)] - 1;
  }

  /** Stores id (or -1 to empty the slot) and returns the previous id, or -1: the kernel's xchg. */
  public int exchange(long index, int id) {
    int c = (int) (index >>> CHUNK_BITS);
    int[] chunk = chunks[c];
    if (chunk == null) {
      if (id < 0) {
        return -1;
      }
      chunk = new int[CHUNK];
      chunks[c] = chunk;
    }
    int i = (int) (index & MASK);
    int previous = chunk[i] - 1;
    chunk[i] = id + 1;
    if (previous < 0 && id >= 0) {
      used++;
    } else if (previous >= 0 && id < 0) {
      used--;
    }
    return previous;
  }

  /** Calls the visitor for every non-empty slot in index order. */
  public void forEach(SlotVisitor visitor) {
    for (int c = 0; c < chunks.length; c++) {
      int[] chunk = chunks[c];
      if (chunk == null) {
        continue;
      }
      for (int i = 0; i < CHUNK; i++) {
        if (chunk[i] != 0) {
          visitor.visit(((long) c << CHUNK_BITS) | i, chunk[i] - 1);
        }
      }
    }
  }

  /** Receives one non-empty slot. */
  @FunctionalInterface
  public interface SlotVisitor {
    void visit(long index, int id);
  }
}
