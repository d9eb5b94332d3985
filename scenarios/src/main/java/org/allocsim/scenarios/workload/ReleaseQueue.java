package org.allocsim.scenarios.workload;

import java.util.Arrays;

/**
 * Pending releases as a calendar queue: releases due before the end of the current bucket sit in a small heap,
 * those due within the next {@code buckets} buckets of {@code widthNs} in unsorted per-bucket lists, later ones in
 * an overflow heap. Pops come in exactly the order of one heap over all of them: by time, then by insertion, so
 * releases due at the same nanosecond come out in the order their stores ran (each entry keeps its insertion
 * number wherever it moves). Why: a pop of one heap of every pending release was a chain of cache misses and
 * mispredicted compares, ~40 % of a library run's generator (issue 17); here a pop sifts through a bucket's worth
 * of entries, and each entry moves at most three times. No Java object per release.
 */
final class ReleaseQueue {
  private static final int NIL = -1;

  private final long widthNs;
  private final int mask;
  /** The bucket of Long.MAX_VALUE; the small heap takes every release once it is the current one. */
  private final long lastBucket;
  /** First entry of each bucket's list (ring index: absolute bucket number mod buckets). */
  private final int[] head;
  private final ReleaseOrder near = new ReleaseOrder();
  private final ReleaseOrder overflow = new ReleaseOrder();
  /** Entry e's time at 4e, insertion order at 4e + 1, key1 at 4e + 2, key2 at 4e + 3. */
  private long[] entry = new long[256];
  /** Entry e's CPU at 2e, the next entry of its bucket (or of the free list) at 2e + 1. */
  private int[] link = new int[128];
  private int freeEntry = NIL;
  private int entriesUsed;
  /** Absolute number of the current bucket: the small heap holds every release due before its end. */
  private long current = -1;
  private long currentEnd;
  private long ringEnd;
  private int inRing;
  private int size;
  private long inserted;

  /**
   * @param widthNs bucket width, >= 1: about a dozen releases due per bucket keeps the small heap small
   * @param buckets a power of two: the ring covers buckets × widthNs ahead of the current bucket
   */
  ReleaseQueue(long widthNs, int buckets) {
    if (widthNs < 1 || buckets < 1 || Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("release queue: width " + widthNs + " ns, " + buckets + " buckets");
    }
    this.widthNs = widthNs;
    this.mask = buckets - 1;
    this.lastBucket = Long.MAX_VALUE / widthNs;
    this.head = new int[buckets];
    Arrays.fill(head, NIL);
    this.currentEnd = 0;
    this.ringEnd = ringEndOf(current);
  }

  /**
   * A queue sized for releases due every releaseGapNs on average, each about meanLifetimeNs after its store: about
   * 16 releases per bucket, and a ring spanning about three mean lifetimes (at most 2^20 buckets).
   */
  static ReleaseQueue sized(double releaseGapNs, double meanLifetimeNs) {
    double width = Math.max(1, Math.min(1e15, 16 * releaseGapNs));
    double span = 3 * meanLifetimeNs / width;
    int buckets = Double.isFinite(span) ? (int) Math.max(64, Math.min(1 << 20, span)) : 1 << 16;
    return new ReleaseQueue((long) width, Integer.highestOneBit(buckets - 1) << 1);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * The time of the earliest release if it is due at or before limit, else either that time or
   * {@link Long#MAX_VALUE} (none before limit): the calendar turns only as far as limit needs, so releases
   * pushed later for times past limit still go to the buckets. Then the peek methods read that release.
   */
  long first(long limit) {
    while (near.isEmpty() && size > 0 && currentEnd <= limit) {
      if (inRing == 0) {
        // Nothing in the ring: jump to the bucket before the overflow's earliest (all pending are past it).
        current = Math.max(current, Math.floorDiv(overflow.peekTime(), widthNs) - 1);
        currentEnd = endOf(current);
        ringEnd = ringEndOf(current);
        fromOverflow();
      } else {
        turn();
      }
    }
    return near.isEmpty() ? Long.MAX_VALUE : near.peekTime();
  }

  int peekCpu() {
    return link[2 * near.peekEntry()];
  }

  long peekKey1() {
    return entry[4 * near.peekEntry() + 2];
  }

  long peekKey2() {
    return entry[4 * near.peekEntry() + 3];
  }

  void push(long t, int c, long k1, long k2) {
    int e = takeEntry();
    long o = inserted++;
    entry[4 * e] = t;
    entry[4 * e + 1] = o;
    entry[4 * e + 2] = k1;
    entry[4 * e + 3] = k2;
    link[2 * e] = c;
    size++;
    place(e, t, o);
  }

  /** Removes the earliest release: the one {@link #first} returned, when it did not return MAX_VALUE. */
  void pop() {
    int e = near.peekEntry();
    near.pop();
    link[2 * e + 1] = freeEntry;
    freeEntry = e;
    size--;
  }

  private void place(int e, long t, long o) {
    if (t < currentEnd || current >= lastBucket) {
      near.push(t, o, e);
    } else if (t < ringEnd || ringHoldsLast()) {
      int b = (int) (Math.floorDiv(t, widthNs) & mask);
      link[2 * e + 1] = head[b];
      head[b] = e;
      inRing++;
    } else {
      overflow.push(t, o, e);
    }
  }

  /** Moves to the next bucket: its releases into the small heap, the newly covered ones out of the overflow. */
  private void turn() {
    current++;
    currentEnd = endOf(current);
    ringEnd = ringEndOf(current);
    int b = (int) (current & mask);
    for (int e = head[b]; e != NIL;) {
      int next = link[2 * e + 1];
      near.push(entry[4 * e], entry[4 * e + 1], e);
      inRing--;
      e = next;
    }
    head[b] = NIL;
    fromOverflow();
  }

  private void fromOverflow() {
    while (!overflow.isEmpty() && (overflow.peekTime() < ringEnd || ringHoldsLast())) {
      int e = overflow.peekEntry();
      overflow.pop();
      place(e, entry[4 * e], entry[4 * e + 1]);
    }
  }

  /** The ring reaches the bucket of Long.MAX_VALUE: every later time has a bucket in it. */
  private boolean ringHoldsLast() {
    return current >= lastBucket - head.length;
  }

  /** End of absolute bucket n (exclusive), saturated at Long.MAX_VALUE. */
  private long endOf(long n) {
    return n >= Long.MAX_VALUE / widthNs ? Long.MAX_VALUE : (n + 1) * widthNs;
  }

  /** End of the ring's last bucket when the current one is n. */
  private long ringEndOf(long n) {
    return n > Long.MAX_VALUE - head.length ? Long.MAX_VALUE : endOf(n + head.length);
  }

  private int takeEntry() {
    if (freeEntry != NIL) {
      int e = freeEntry;
      freeEntry = link[2 * e + 1];
      return e;
    }
    if (2 * entriesUsed == link.length) {
      entry = Arrays.copyOf(entry, 2 * entry.length);
      link = Arrays.copyOf(link, 2 * link.length);
    }
    return entriesUsed++;
  }
}
