package org.allocsim.world;

import java.util.Arrays;

/**
 * A sparse array of non-negative ints (object or map ids) with an "empty" state, for map values. The index space is
 * cut into chunks of 4096 slots, none allocated until written. A chunk starts as a small open-addressed table of
 * its non-empty slots and becomes a dense int[4096] only when the table would be as large (issue 17: bytes per
 * object follow the objects stored, not {@code max_entries}; a 4M-entry map a quarter full took 16 MiB dense).
 *
 * <p>Table entries are longs, (slot within the chunk + 1) in the high half and the id in the low half, 0 = empty,
 * linear probing from a multiplicative hash scaled to any capacity (so tables grow by a quarter, not by doubling),
 * deletion by backward shift: one long per stored id at a load of at most 3/4, one cache line per lookup.
 */
public final class SlotArray {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;
  /** A table this large (in longs) costs what a dense chunk does: convert instead of growing. */
  private static final int DENSE_AT = CHUNK / 2;
  private static final int FIRST_TABLE = 8;
  /** forEach sorts a table with fewer entries, and places the entries of a fuller one by slot. */
  private static final int SORT_BELOW = 256;

  private final long length;
  private final int[][] dense;
  private final long[][] tables;
  private final short[] counts;
  /**
   * Each table's length, kept apart: the probe's start must not wait for the table's header (a second miss on the
   * critical path: 420 ns a lookup against 30 ns dense, measured).
   */
  private final int[] capacities;
  private long used;
  /** {@link #heapBytes}, kept as chunks change so that the replay can read it per batch (issue 17). */
  private long bytes;

  public SlotArray(long length) {
    if (length <= 0 || length > (long) Integer.MAX_VALUE * CHUNK) {
      throw new IllegalArgumentException("slot array length out of range: " + length);
    }
    this.length = length;
    int chunks = (int) ((length + CHUNK - 1) >>> CHUNK_BITS);
    this.dense = new int[chunks][];
    this.tables = new long[chunks][];
    this.counts = new short[chunks];
    this.capacities = new int[chunks];
  }

  public long length() {
    return length;
  }

  /** Number of non-empty slots. */
  public long used() {
    return used;
  }

  /** Bytes of the slot storage, for tests and the bench's accounting. */
  public long heapBytes() {
    return bytes;
  }

  /** The id stored at index, or -1 when empty. */
  public int get(long index) {
    int c = (int) (index >>> CHUNK_BITS);
    int i = (int) (index & MASK);
    int[] d = dense[c];
    if (d != null) {
      return d[i] - 1;
    }
    long[] t = tables[c];
    if (t == null) {
      return -1;
    }
    int p = find(t, capacities[c], i);
    return t[p] == 0 ? -1 : (int) t[p];
  }

  /**
   * Reads, without probing, the lines where index's id would be found: the dense slot, or the table entry at its
   * home and three entries on (a probe rarely runs further). The read-ahead calls it for a group of records so
   * that their misses overlap: no load here waits for another, and no branch depends on a loaded value (issue 17:
   * the probe's exit branch made each lookup of the read-ahead a dependent miss). Returns a sum to be sunk.
   */
  public long touch(long index) {
    int c = (int) (index >>> CHUNK_BITS);
    int i = (int) (index & MASK);
    int[] d = dense[c];
    if (d != null) {
      return d[i];
    }
    long[] t = tables[c];
    if (t == null) {
      return 0;
    }
    int capacity = capacities[c];
    int p = home(i, capacity);
    int q = p + 3;
    return t[p] + t[q >= capacity ? q - capacity : q];
  }

  /** Stores id (or -1 to empty the slot) and returns the previous id, or -1: the kernel's xchg. */
  public int exchange(long index, int id) {
    int c = (int) (index >>> CHUNK_BITS);
    int i = (int) (index & MASK);
    int[] d = dense[c];
    int previous;
    if (d != null) {
      previous = d[i] - 1;
      d[i] = id + 1;
    } else {
      previous = exchangeInTable(c, i, id);
    }
    if (previous < 0 && id >= 0) {
      used++;
    } else if (previous >= 0 && id < 0) {
      used--;
    }
    return previous;
  }

  private int exchangeInTable(int c, int i, int id) {
    long[] t = tables[c];
    if (t == null) {
      if (id < 0) {
        return -1;
      }
      t = new long[FIRST_TABLE];
      tables[c] = t;
      capacities[c] = FIRST_TABLE;
      bytes += 8L * FIRST_TABLE;
    }
    int p = find(t, capacities[c], i);
    if (t[p] != 0) {
      int previous = (int) t[p];
      if (id >= 0) {
        t[p] = entry(i, id);
      } else {
        remove(t, p);
        counts[c]--;
      }
      return previous;
    }
    if (id < 0) {
      return -1;
    }
    if (4 * (counts[c] + 1) > 3 * t.length) {
      int grown = t.length + (t.length >>> 2) + 1;
      if (grown >= DENSE_AT) {
        toDense(c);
        dense[c][i] = id + 1;
        return -1;
      }
      bytes += 8L * (grown - t.length);
      t = rehash(t, grown);
      tables[c] = t;
      capacities[c] = grown;
      p = find(t, grown, i);
    }
    t[p] = entry(i, id);
    counts[c]++;
    return -1;
  }

  private static long entry(int i, int id) {
    return ((long) (i + 1) << 32) | (id & 0xFFFF_FFFFL);
  }

  private static int home(int i, int capacity) {
    return (int) ((((i * 0x9E3779B9L) & 0xFFFF_FFFFL) * capacity) >>> 32);
  }

  /** Position of slot i in t, or of the empty entry where it would go. */
  private static int find(long[] t, int capacity, int i) {
    long key = (long) (i + 1) << 32;
    int p = home(i, capacity);
    while (true) {
      long e = t[p];
      if (e == 0 || (e & 0xFFFF_FFFF_0000_0000L) == key) {
        return p;
      }
      p = p + 1 == capacity ? 0 : p + 1;
    }
  }

  /** Backward-shift deletion: later entries of the probe run move into the hole if their home allows. */
  private static void remove(long[] t, int hole) {
    int n = t.length;
    int j = hole;
    while (true) {
      j = j + 1 == n ? 0 : j + 1;
      long e = t[j];
      if (e == 0) {
        break;
      }
      int h = home((int) (e >>> 32) - 1, n);
      // e may move to hole when its home is not cyclically in (hole, j].
      boolean between = hole <= j ? h > hole && h <= j : h > hole || h <= j;
      if (!between) {
        t[hole] = e;
        hole = j;
      }
    }
    t[hole] = 0;
  }

  private static long[] rehash(long[] t, int capacity) {
    long[] grown = new long[capacity];
    for (long e : t) {
      if (e != 0) {
        grown[find(grown, capacity, (int) (e >>> 32) - 1)] = e;
      }
    }
    return grown;
  }

  private void toDense(int c) {
    int[] d = new int[CHUNK];
    for (long e : tables[c]) {
      if (e != 0) {
        d[(int) (e >>> 32) - 1] = (int) e + 1;
      }
    }
    bytes += 4L * CHUNK - 8L * tables[c].length;
    dense[c] = d;
    tables[c] = null;
    counts[c] = 0;
    capacities[c] = 0;
  }

  /** Calls the visitor for every non-empty slot in index order. */
  public void forEach(SlotVisitor visitor) {
    int[] placed = null;
    for (int c = 0; c < dense.length; c++) {
      int[] d = dense[c];
      if (d != null) {
        for (int i = 0; i < CHUNK; i++) {
          if (d[i] != 0) {
            visitor.visit(((long) c << CHUNK_BITS) | i, d[i] - 1);
          }
        }
      } else if (tables[c] != null && counts[c] >= SORT_BELOW) {
        // Placed by slot rather than sorted (issue 17: a sorted stream per chunk was a reload's main cost).
        placed = placed != null ? placed : new int[CHUNK];
        for (long e : tables[c]) {
          if (e != 0) {
            placed[(int) (e >>> 32) - 1] = (int) e + 1;
          }
        }
        for (int i = 0; i < CHUNK; i++) {
          if (placed[i] != 0) {
            int id = placed[i] - 1;
            placed[i] = 0;
            visitor.visit(((long) c << CHUNK_BITS) | i, id);
          }
        }
      } else if (tables[c] != null && counts[c] > 0) {
        long[] sorted = new long[counts[c]];
        int n = 0;
        for (long e : tables[c]) {
          if (e != 0) {
            sorted[n++] = e;
          }
        }
        Arrays.sort(sorted);
        for (long e : sorted) {
          visitor.visit(((long) c << CHUNK_BITS) | ((e >>> 32) - 1), (int) e);
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
