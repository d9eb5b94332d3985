package org.allocsim.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * All simulated objects of a run, struct of arrays. Slot ids are recycled after an object returns to slab.
 *
 * <p>A slot is one kmalloc'd unit: header plus object. {@code next} plays the role of the llist_node kept in the
 * 8-byte header while the object sits on a kernel list; while the slot is unused it chains the recycled slots.
 * Arrays grow by doubling. Heap per slot: 1 (state) + 2 (allocating CPU) + 4 x 5 ints + 2 x 8 longs = 39 bytes.
 */
public final class ObjectTable {
  /** Slot unused / returned to slab. */
  public static final byte NONE = 0;
  /** On a per-CPU free list (free_llist). */
  public static final byte CACHED = 1;
  /** Allocated, not freed. */
  public static final byte LIVE = 2;
  /** On free_by_rcu or waiting_for_gp (stage 1: waits for a normal RCU grace period). */
  public static final byte WAITING_RCU = 3;
  /** On free_by_rcu_ttrace or waiting_for_gp_ttrace (stage 2: waits for an RCU Tasks Trace grace period). */
  public static final byte WAITING_TASKS_TRACE = 4;

  /** End of an intrusive list. */
  static final int NIL = -1;
  /** Warmth stamps count allocation bytes modulo 2^47; windows must stay below this. */
  static final long MAX_TRAFFIC_WINDOW = 1L << 47;

  // freeStamp layout: bits 63..48 = lastFreeCpu + 1 (0 = never freed), bit 47 = warm-eligible,
  // bits 46..0 = the freeing CPU's allocation-traffic counter at the free, modulo 2^47.
  private static final int CPU_SHIFT = 48;
  private static final long WARM_BIT = 1L << 47;
  private static final long STAMP_MASK = WARM_BIT - 1;
  private static final int INITIAL_SLOTS = 1024;
  private static final int BYTES_PER_SLOT = 1 + 2 + 4 * 5 + 8 * 2;

  private byte[] state = new byte[INITIAL_SLOTS];
  private char[] allocCpu = new char[INITIAL_SLOTS];
  private int[] allocator = new int[INITIAL_SLOTS];
  private int[] unitBytes = new int[INITIAL_SLOTS];
  private int[] type = new int[INITIAL_SLOTS];
  private int[] owner = new int[INITIAL_SLOTS];
  private int[] next = new int[INITIAL_SLOTS];
  private long[] lastFreeTime = new long[INITIAL_SLOTS];
  private long[] freeStamp = new long[INITIAL_SLOTS];
  private int capacity;
  private int recycled = NIL;

  ObjectTable() {
  }

  public byte state(int obj) {
    return state[checked(obj)];
  }

  /** Id of the allocator the slot was kmalloc'd for (it never migrates: frees go back to the same allocator). */
  public int allocator(int obj) {
    return allocator[checked(obj)];
  }

  /** Unit bytes of the slot, header included. */
  public int unitBytes(int obj) {
    return unitBytes[checked(obj)];
  }

  /** CPU of the cache that last served it (the 8-byte header's cache pointer, memalloc.c unit_alloc()). */
  public int allocCpu(int obj) {
    return allocCpu[checked(obj)];
  }

  /** Type set by the world after alloc; -1 until then (reset at every allocation). */
  public int type(int obj) {
    return type[checked(obj)];
  }

  public void setType(int obj, int value) {
    type[checked(obj)] = value;
  }

  /** Where the world stores the object; -1 until set (reset at every allocation). */
  public int owner(int obj) {
    return owner[checked(obj)];
  }

  public void setOwner(int obj, int value) {
    owner[checked(obj)] = value;
  }

  /** CPU of the last free, -1 if never freed since it came from slab. */
  public int lastFreeCpu(int obj) {
    return (int) (freeStamp[checked(obj)] >>> CPU_SHIFT) - 1;
  }

  /** Simulated time of the last free, -1 if never freed since it came from slab. */
  public long lastFreeTime(int obj) {
    return lastFreeTime[checked(obj)];
  }

  /** Highest slot id + 1 ever used, for scans. */
  public int capacity() {
    return capacity;
  }

  /** Bytes of the primitive arrays, for the "bytes per live object" figure. */
  public long heapBytes() {
    return (long) state.length * BYTES_PER_SLOT;
  }

  // ---- package-private mutators used by Slab and BpfMemAlloc ----

  /** A fresh slot from slab (kmalloc): never freed, not warm, no type/owner. */
  int acquire(int allocatorId, int unit, int cpu, byte initialState) {
    int obj = recycled;
    if (obj != NIL) {
      recycled = next[obj];
    } else {
      if (capacity == state.length) {
        grow();
      }
      obj = capacity++;
    }
    state[obj] = initialState;
    allocator[obj] = allocatorId;
    unitBytes[obj] = unit;
    allocCpu[obj] = (char) cpu;
    type[obj] = -1;
    owner[obj] = -1;
    next[obj] = NIL;
    lastFreeTime[obj] = -1;
    freeStamp[obj] = 0;
    return obj;
  }

  /** Back to slab (kfree): the slot joins the recycled chain. */
  void release(int obj) {
    state[obj] = NONE;
    next[obj] = recycled;
    recycled = obj;
  }

  /** A cross-allocator free moves the object to the allocator it is freed into. */
  void setAllocator(int obj, int allocatorId) {
    allocator[obj] = allocatorId;
  }

  void setState(int obj, byte value) {
    state[obj] = value;
  }

  int next(int obj) {
    return next[obj];
  }

  void setNext(int obj, int value) {
    next[obj] = value;
  }

  /** unit_alloc() writes the owning cache into the header; a new life starts without type or owner. */
  void markAllocated(int obj, int cpu) {
    state[obj] = LIVE;
    allocCpu[obj] = (char) cpu;
    type[obj] = -1;
    owner[obj] = -1;
  }

  /**
   * Records a free on {@code cpu} at {@code time}. {@code traffic} is that CPU's allocation-traffic counter;
   * {@code warmEligible} is true only when the object goes straight back onto that CPU's free_llist.
   */
  void recordFree(int obj, int cpu, long time, long traffic, boolean warmEligible) {
    lastFreeTime[obj] = time;
    freeStamp[obj] = ((long) (cpu + 1) << CPU_SHIFT) | (warmEligible ? WARM_BIT : 0L) | (traffic & STAMP_MASK);
  }

  /** The object went through an RCU list: whatever is reused from there is cold (kernel-model.md §3.5, [S28]). */
  void clearWarm(int obj) {
    freeStamp[obj] &= ~WARM_BIT;
  }

  /**
   * True when the object was last freed on {@code cpu}, went straight to its free_llist, and less than
   * {@code windowBytes} of allocation traffic happened on that CPU since.
   */
  boolean isWarm(int obj, int cpu, long traffic, long windowBytes) {
    long stamp = freeStamp[obj];
    if ((stamp & WARM_BIT) == 0 || (int) (stamp >>> CPU_SHIFT) - 1 != cpu) {
      return false;
    }
    return ((traffic - stamp) & STAMP_MASK) < windowBytes; // modular difference of the low 47 bits
  }

  private int checked(int obj) {
    return Objects.checkIndex(obj, capacity);
  }

  private void grow() {
    int n = state.length * 2;
    state = Arrays.copyOf(state, n);
    allocCpu = Arrays.copyOf(allocCpu, n);
    allocator = Arrays.copyOf(allocator, n);
    unitBytes = Arrays.copyOf(unitBytes, n);
    type = Arrays.copyOf(type, n);
    owner = Arrays.copyOf(owner, n);
    next = Arrays.copyOf(next, n);
    lastFreeTime = Arrays.copyOf(lastFreeTime, n);
    freeStamp = Arrays.copyOf(freeStamp, n);
  }
}
