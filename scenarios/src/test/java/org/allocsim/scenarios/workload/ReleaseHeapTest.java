package org.allocsim.scenarios.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReleaseHeapTest {

  /** Pops come out by time, then insertion order, exactly as a reference priority queue orders them. */
  @Test
  void popsInTimeThenInsertionOrderUnderInterleavedPushes() {
    ReleaseHeap heap = new ReleaseHeap();
    PriorityQueue<long[]> reference = new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> e[0])
        .thenComparingLong(e -> e[1]));
    SplittableRandom random = new SplittableRandom(17);
    long inserted = 0;
    int popped = 0;
    for (int round = 0; round < 200_000; round++) {
      if (random.nextInt(3) > 0 || reference.isEmpty()) {
        long t = random.nextLong(50); // few distinct times: many ties
        long id = inserted++;
        heap.push(t, (int) (id % 7), id, -id);
        reference.add(new long[] {t, id});
      } else {
        long[] want = reference.poll();
        assertEquals(want[0], heap.peekTime());
        assertEquals(want[1], heap.peekKey1(), "insertion order breaks ties");
        assertEquals(-want[1], heap.peekKey2());
        assertEquals((int) (want[1] % 7), heap.peekCpu());
        heap.pop();
        popped++;
      }
    }
    while (!reference.isEmpty()) {
      assertEquals(reference.poll()[1], heap.peekKey1());
      heap.pop();
      popped++;
    }
    assertEquals(true, heap.isEmpty());
    assertEquals(inserted, popped);
  }
}
