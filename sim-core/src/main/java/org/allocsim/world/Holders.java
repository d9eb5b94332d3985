package org.allocsim.world;

import java.util.Arrays;

/** Reference counts by {@link Holder} kind; the object dies when the total reaches zero. */
public final class Holders {
  private final int[] counts = new int[Holder.values().length];
  private int total;

  public void hold(Holder kind) {
    counts[kind.ordinal()]++;
    total++;
  }

  /** Drops one reference of that kind; returns true when it was the last reference of any kind. */
  public boolean release(Holder kind) {
    if (counts[kind.ordinal()] <= 0) {
      throw new IllegalStateException("no " + kind + " reference to release");
    }
    counts[kind.ordinal()]--;
    total--;
    return total == 0;
  }

  public int count(Holder kind) {
    return counts[kind.ordinal()];
  }

  public int total() {
    return total;
  }

  @Override
  public String toString() {
    return Arrays.toString(counts);
  }
}
