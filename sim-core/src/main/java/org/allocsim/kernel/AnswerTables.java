package org.allocsim.kernel;

import java.util.Arrays;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.world.MapView;

/**
 * The strategy's per-record answers kept in int tables (issue 17): the allocator and the kptr_xchg answer of each
 * (program, step), and the free target of each (kptr field, header allocator, unit size). The interface makes the
 * three questions pure between events, so an entry holds while the epoch it was taken in is current; the kernel
 * starts a new epoch after every lifecycle event, every strategy callback and every allocator destruction, and an
 * entry of an older epoch is asked again at its next use. A record then reads an int from an array rather than
 * calling the strategy (a profile showed a HashMap lookup and FieldKey.equals per record, issue 17).
 *
 * <p>A design that keeps the interface's default answer for takeReturnsObject or freeTarget is not asked at all.
 */
final class AnswerTables {
  /** Entries of the free-target memo: a run touches a handful of (field, header, size) triples. */
  private static final int MEMO = 256;
  private static final int UNRESOLVED = Integer.MIN_VALUE;

  private final boolean asksTake;
  private final boolean asksFreeTarget;
  /** Current epoch; entries are tagged with the epoch they were resolved in (0: never resolved). */
  private int epoch = 1;
  /** Per program id: per step, (epoch << 32) | answer: allocator id (-1: NULL) or kptr_xchg answer (1/0). */
  private long[][] allocators = new long[16][];
  private long[][] takes = new long[16][];
  private final long[] memoKeys = new long[MEMO];
  private final long[] memoValues = new long[MEMO];

  AnswerTables(LifetimeStrategy strategy) {
    this.asksTake = overrides(strategy, "takeReturnsObject", org.allocsim.world.ProgramView.class,
        org.allocsim.world.Step.class);
    this.asksFreeTarget = overrides(strategy, "freeTarget", int.class, AllocatorRef.class, MapView.class,
        int.class);
  }

  /** Whether the design answers the question itself rather than keeping the interface's default. */
  static boolean overrides(LifetimeStrategy strategy, String method, Class<?>... parameters) {
    try {
      return strategy.getClass().getMethod(method, parameters).getDeclaringClass() != LifetimeStrategy.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("LifetimeStrategy has no " + method, e);
    }
  }

  boolean asksTake() {
    return asksTake;
  }

  boolean asksFreeTarget() {
    return asksFreeTarget;
  }

  /** Something the answers may depend on changed: every entry is asked again at its next use. */
  void newEpoch() {
    epoch++;
    if (epoch == 0) { // after 2^32 events: entries of epoch 0 would look resolved
      epoch = 1;
      Arrays.stream(allocators).filter(t -> t != null).forEach(t -> Arrays.fill(t, 0));
      Arrays.stream(takes).filter(t -> t != null).forEach(t -> Arrays.fill(t, 0));
      Arrays.fill(memoKeys, 0);
    }
  }

  /** The recorded allocator of (program, step) in this epoch, or {@link #UNRESOLVED}. */
  int allocator(int program, int step) {
    return read(allocators, program, step);
  }

  void putAllocator(int program, int step, int steps, int answer) {
    allocators = write(allocators, program, step, steps, answer);
  }

  /** 1 or 0 for this epoch's kptr_xchg answer of (program, step), or {@link #UNRESOLVED}. */
  int take(int program, int step) {
    return read(takes, program, step);
  }

  void putTake(int program, int step, int steps, boolean answer) {
    takes = write(takes, program, step, steps, answer ? 1 : 0);
  }

  /** The program was freed: its steps run no more. */
  void forget(int program) {
    if (program < allocators.length) {
      allocators[program] = null;
      takes[program] = null;
    }
  }

  static boolean resolved(int answer) {
    return answer != UNRESOLVED;
  }

  private int read(long[][] tables, int program, int step) {
    long[] t = program < tables.length ? tables[program] : null;
    if (t == null) {
      return UNRESOLVED;
    }
    long e = t[step];
    return (int) (e >>> 32) == epoch ? (int) e : UNRESOLVED;
  }

  private long[][] write(long[][] tables, int program, int step, int steps, int answer) {
    long[][] ts = tables;
    if (program >= ts.length) {
      ts = Arrays.copyOf(ts, Math.max(program + 1, ts.length * 2));
    }
    if (ts[program] == null) {
      ts[program] = new long[steps];
    }
    ts[program][step] = ((long) epoch << 32) | (answer & 0xffff_ffffL);
    return ts;
  }

  /**
   * The memo key of a drop: map id (+1; 0 for a program's stack), field, header allocator and unit bytes, or 0 when
   * one of them does not fit its bits (the caller then asks the design).
   */
  static long freeKey(int map, int field, int header, int unitBytes) {
    if (map >= (1 << 20) - 1 || field >= (1 << 8) - 1 || header >= 1 << 20 || unitBytes >= 1 << 16) {
      return 0;
    }
    return ((long) (map + 1) << 44) | ((long) (field + 1) << 36) | ((long) header << 16) | unitBytes;
  }

  /** This epoch's free target for key, or {@link #UNRESOLVED}. */
  int freeTarget(long key) {
    int i = slot(key);
    long v = memoValues[i];
    return memoKeys[i] == key && (int) (v >>> 32) == epoch ? (int) v : UNRESOLVED;
  }

  void putFreeTarget(long key, int target) {
    int i = slot(key);
    memoKeys[i] = key;
    memoValues[i] = ((long) epoch << 32) | (target & 0xffff_ffffL);
  }

  private static int slot(long key) {
    return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 56); // 8 bits: MEMO entries
  }
}
