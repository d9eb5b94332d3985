package org.allocsim.scenarios.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar queue pops as the 4-ary heap it replaced did: by time, then insertion order ({@link ReferenceReleases}). */
class ReleaseQueueTest {

  /**
   * Random pushes and pops against the heap; times from a few values (many ties), pushes either anywhere or, as
   * the generator makes them, at or after the last pop; limits below, at and past the earliest release.
   */
  private static void differential(long seed, long widthNs, int buckets, long spread, boolean monotone) {
    differential(seed, new ReleaseQueue(widthNs, buckets), spread, monotone);
  }

  private static void differential(long seed, ReleaseQueue queue, long spread, boolean monotone) {
    ReferenceReleases heap = new ReferenceReleases();
    SplittableRandom random = new SplittableRandom(seed);
    long now = 0;
    long pushes = 0;
    long pops = 0;
    for (int round = 0; round < 60_000; round++) {
      if (random.nextInt(5) < 3 || heap.isEmpty()) {
        long t = (monotone ? now : 0) + random.nextLong(spread);
        if (random.nextInt(50) == 0) {
          t = random.nextBoolean() ? Long.MAX_VALUE : Long.MAX_VALUE - random.nextLong(spread);
        }
        long id = pushes++;
        heap.push(t, (int) (id % 7), id, -id);
        queue.push(t, (int) (id % 7), id, -id);
        continue;
      }
      long want = heap.peekTime();
      long limit = switch (random.nextInt(3)) {
        case 0 -> want;
        case 1 -> want - 1 - random.nextLong(spread);
        default -> random.nextBoolean() ? Long.MAX_VALUE : want + random.nextLong(spread);
      };
      long got = queue.first(limit);
      if (limit < want) {
        assertTrue(got == Long.MAX_VALUE || got == want, "nothing is due by " + limit + ", got " + got);
      } else {
        assertEquals(want, got, "earliest release");
      }
      if (got != Long.MAX_VALUE && random.nextBoolean()) {
        assertEquals(heap.peekKey1(), queue.peekKey1(), "insertion order breaks ties");
        assertEquals(heap.peekKey2(), queue.peekKey2());
        assertEquals(heap.peekCpu(), queue.peekCpu());
        heap.pop();
        queue.pop();
        pops++;
        now = Math.max(now, want == Long.MAX_VALUE ? now : want);
      }
    }
    while (!heap.isEmpty()) {
      assertEquals(heap.peekTime(), queue.first(Long.MAX_VALUE));
      assertEquals(heap.peekKey1(), queue.peekKey1());
      heap.pop();
      queue.pop();
      pops++;
    }
    assertTrue(queue.isEmpty());
    assertEquals(Long.MAX_VALUE, queue.first(Long.MAX_VALUE));
    assertEquals(pushes, pops);
  }

  @Test
  void popsAsTheHeapWithManyTiesAndPushesAnywhere() {
    for (int buckets : new int[] {1, 4, 64}) {
      for (long width : new long[] {1, 3, 40}) {
        differential(17 + buckets + width, width, buckets, 50, false);
      }
    }
  }

  @Test
  void popsAsTheHeapWhenPushesFollowThePops() {
    for (int buckets : new int[] {1, 8, 1024}) {
      for (long width : new long[] {1, 7, 1000}) {
        differential(31 + buckets + width, width, buckets, 100_000, true);
        differential(5 + buckets + width, width, buckets, 30, true);
      }
    }
  }

  @Test
  void popsAsTheHeapWhenSizedForAWorkload() {
    // katran's shape: a release every 2 ms on average, 15 s lifetimes on average; then one with few releases.
    differential(3, ReleaseQueue.sized(2e6, 15e9), 60_000_000_000L, true);
    differential(4, ReleaseQueue.sized(Double.POSITIVE_INFINITY, 0), 1_000, true);
  }
}
