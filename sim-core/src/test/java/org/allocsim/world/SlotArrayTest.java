package org.allocsim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlotArrayTest {

  /** Random xchg traffic against a TreeMap: every get, previous id, count and the in-order walk agree. */
  private static void agreesWithReference(long length, int keys, int operations, long seed) {
    SlotArray a = new SlotArray(length);
    TreeMap<Long, Integer> want = new TreeMap<>();
    SplittableRandom r = new SplittableRandom(seed);
    long[] keyList = new long[keys];
    for (int k = 0; k < keys; k++) {
      keyList[k] = r.nextLong(length);
    }
    for (int op = 0; op < operations; op++) {
      long index = keyList[r.nextInt(keys)];
      int id = r.nextInt(4) == 0 ? -1 : r.nextInt(Integer.MAX_VALUE);
      Integer before = id >= 0 ? want.put(index, id) : want.remove(index);
      assertEquals(before == null ? -1 : before, a.exchange(index, id), "xchg at " + index);
      if (op % 97 == 0) {
        long probe = keyList[r.nextInt(keys)];
        assertEquals(want.getOrDefault(probe, -1), a.get(probe));
      }
    }
    assertEquals(want.size(), a.used());
    List<long[]> walked = new ArrayList<>();
    a.forEach((index, id) -> walked.add(new long[] {index, id}));
    assertEquals(want.size(), walked.size());
    int i = 0;
    for (Map.Entry<Long, Integer> e : want.entrySet()) {
      assertEquals(e.getKey(), walked.get(i)[0], "index order");
      assertEquals((long) e.getValue(), walked.get(i)[1]);
      i++;
    }
  }

  @Test
  void sparseChunksMatchAMap() {
    agreesWithReference(1L << 22, 3000, 200_000, 1); // under one key per chunk: tables only
  }

  @Test
  void crowdedChunksTurnDenseAndStillMatch() {
    agreesWithReference(10_000, 9_000, 400_000, 2); // thousands per chunk: tables grow, then dense
  }

  @Test
  void fullTablesWalkInIndexOrder() {
    agreesWithReference(1 << 16, 12_000, 300_000, 4); // hundreds per chunk: the walk places entries by slot
  }

  @Test
  void mixedDensityAndTheLastSlots() {
    agreesWithReference(Integer.MAX_VALUE + 5L, 50_000, 300_000, 3);
    SlotArray a = new SlotArray(Integer.MAX_VALUE + 5L);
    assertEquals(-1, a.exchange(Integer.MAX_VALUE + 4L, Integer.MAX_VALUE - 1));
    assertEquals(Integer.MAX_VALUE - 1, a.get(Integer.MAX_VALUE + 4L));
  }

  @Test
  void aQuarterFullMapTakesLessThanDense() {
    SlotArray a = new SlotArray(1 << 22);
    SplittableRandom r = new SplittableRandom(4);
    int stored = 0;
    while (a.used() < (1 << 20)) {
      a.exchange(r.nextLong(1 << 22), stored++);
    }
    long denseBytes = 4L << 22;
    assertTrue(a.heapBytes() < denseBytes * 0.85, a.heapBytes() + " vs dense " + denseBytes);
    assertTrue(a.heapBytes() >= 8L * a.used(), "one long per stored id at least");
  }

  /** The byte count follows the chunks as they change: none, a first table, a grown table, then a dense chunk. */
  @Test
  void heapBytesFollowTablesAndDenseChunks() {
    SlotArray a = new SlotArray(3 * 4096);
    assertEquals(0, a.heapBytes());
    a.exchange(5, 1);
    assertEquals(8 * 8, a.heapBytes(), "a first table of 8 longs");
    for (int i = 0; i < 7; i++) {
      a.exchange(4096 + i, i);
    }
    assertEquals(8 * 8 + 8 * 11, a.heapBytes(), "the second chunk's table grew by a quarter, to 11 longs");
    for (int i = 0; i < 4096; i++) {
      a.exchange(2 * 4096 + i, i);
    }
    assertEquals(8 * 8 + 8 * 11 + 4 * 4096, a.heapBytes(), "the third chunk went dense");
    a.exchange(5, -1);
    assertEquals(8 * 8 + 8 * 11 + 4 * 4096, a.heapBytes(), "tables do not shrink");
  }
}
