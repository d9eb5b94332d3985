package org.allocsim.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * All simulated objects of a run. Slot ids are recycled after an object returns to slab.
 *
 * <p>A slot is one kmalloc'd unit: header plus object. {@code next} plays the role of the llist_node kept in the
 * 8-byte header while the object sits on a kernel list; while the slot is unused it chains the recycled slots.
 *
 * <p>Layout: every field of a slot sits in one 39-byte record (1 state + 2 allocating CPU + 4 x 5 ints + 2 x 8
 * longs) inside chunks of 4096 slots. Why not struct of arrays: a free or an allocation touches nearly every field
 * of one random object, and nine parallel arrays cost nine cache misses where one record costs one or two. Chunks
 * grow the table without copying or doubling slack (issue 8: 109 to 71 heap bytes per live object).
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

  // Byte offsets of the fields in a slot's record.
  private static final int FREE_STAMP = 0;
  private static final int LAST_FREE_TIME = 8;
  private static final int ALLOCATOR = 16;
  private static final int UNIT_BYTES = 20;
  private static final int TYPE = 24;
  private static final int OWNER = 28;
  private static final int NEXT = 32;
  private static final int ALLOC_CPU = 36;
  private static final int STATE = 38;
  private static final int BYTES_PER_SLOT = 39;
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SLOTS = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_SLOTS - 1;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
  private static final VarHandle CHARS = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.nativeOrder());

  private byte[][] chunks = new byte[16][];
  private int chunkCount;
  private int capacity;
  private int recycled = NIL;

  ObjectTable() {
  }

  public byte state(int obj) {
    checked(obj);
    return chunk(obj)[base(obj) + STATE];
  }

  /** Id of the allocator the slot was kmalloc'd for (it never migrates: frees go back to the same allocator). */
  public int allocator(int obj) {
    return getInt(checked(obj), ALLOCATOR);
  }

  /** Unit bytes of the slot, header included. */
  public int unitBytes(int obj) {
    return getInt(checked(obj), UNIT_BYTES);
  }

  /** CPU of the cache that last served it (the 8-byte header's cache pointer, memalloc.c unit_alloc()). */
  public int allocCpu(int obj) {
    checked(obj);
    return (char) CHARS.get(chunk(obj), base(obj) + ALLOC_CPU);
  }

  /** Type set by the world after alloc; -1 until then (reset at every allocation). */
  public int type(int obj) {
    return getInt(checked(obj), TYPE);
  }

  public void setType(int obj, int value) {
    setInt(checked(obj), TYPE, value);
  }

  /** Where the world stores the object; -1 until set (reset at every allocation). */
  public int owner(int obj) {
    return getInt(checked(obj), OWNER);
  }

  public void setOwner(int obj, int value) {
    setInt(checked(obj), OWNER, value);
  }

  /** CPU of the last free, -1 if never freed since it came from slab. */
  public int lastFreeCpu(int obj) {
    return (int) (getLong(checked(obj), FREE_STAMP) >>> CPU_SHIFT) - 1;
  }

  /** Simulated time of the last free, -1 if never freed since it came from slab. */
  public long lastFreeTime(int obj) {
    return getLong(checked(obj), LAST_FREE_TIME);
  }

  /** Highest slot id + 1 ever used, for scans. */
  public int capacity() {
    return capacity;
  }

  /** Bytes of the primitive arrays, for the "bytes per live object" figure. */
  public long heapBytes() {
    return (long) chunkCount * CHUNK_SLOTS * BYTES_PER_SLOT;
  }

  // ---- package-private mutators used by Slab and BpfMemAlloc ----

  /** A fresh slot from slab (kmalloc): never freed, not warm, no type/owner. */
  int acquire(int allocatorId, int unit, int cpu, byte initialState) {
    int obj = recycled;
    if (obj != NIL) {
      recycled = next(obj);
    } else {
      if (capacity == chunkCount * CHUNK_SLOTS) {
        grow();
      }
      obj = capacity++;
    }
    byte[] c = chunk(obj);
    int b = base(obj);
    c[b + STATE] = initialState;
    INTS.set(c, b + ALLOCATOR, allocatorId);
    INTS.set(c, b + UNIT_BYTES, unit);
    CHARS.set(c, b + ALLOC_CPU, (char) cpu);
    INTS.set(c, b + TYPE, -1);
    INTS.set(c, b + OWNER, -1);
    INTS.set(c, b + NEXT, NIL);
    LONGS.set(c, b + LAST_FREE_TIME, -1L);
    LONGS.set(c, b + FREE_STAMP, 0L);
    return obj;
  }

  /** Back to slab (kfree): the slot joins the recycled chain. */
  void release(int obj) {
    chunk(obj)[base(obj) + STATE] = NONE;
    setInt(obj, NEXT, recycled);
    recycled = obj;
  }

  /** A cross-allocator free moves the object to the allocator it is freed into. */
  void setAllocator(int obj, int allocatorId) {
    setInt(obj, ALLOCATOR, allocatorId);
  }

  void setState(int obj, byte value) {
    chunk(obj)[base(obj) + STATE] = value;
  }

  int next(int obj) {
    return getInt(obj, NEXT);
  }

  void setNext(int obj, int value) {
    setInt(obj, NEXT, value);
  }

  /** unit_alloc() writes the owning cache into the header; a new life starts without type or owner. */
  void markAllocated(int obj, int cpu) {
    byte[] c = chunk(obj);
    int b = base(obj);
    c[b + STATE] = LIVE;
    CHARS.set(c, b + ALLOC_CPU, (char) cpu);
    INTS.set(c, b + TYPE, -1);
    INTS.set(c, b + OWNER, -1);
  }

  /**
   * Records a free on {@code cpu} at {@code time}. {@code traffic} is that CPU's allocation-traffic counter;
   * {@code warmEligible} is true only when the object goes straight back onto that CPU's free_llist.
   */
  void recordFree(int obj, int cpu, long time, long traffic, boolean warmEligible) {
    byte[] c = chunk(obj);
    int b = base(obj);
    LONGS.set(c, b + LAST_FREE_TIME, time);
    LONGS.set(c, b + FREE_STAMP, ((long) (cpu + 1) << CPU_SHIFT) | (warmEligible ? WARM_BIT : 0L)
        | (traffic & STAMP_MASK));
  }

  /** The object went through an RCU list: whatever is reused from there is cold (docs/kernel-allocator.md, [S28]). */
  void clearWarm(int obj) {
    byte[] c = chunk(obj);
    int b = base(obj) + FREE_STAMP;
    LONGS.set(c, b, (long) LONGS.get(c, b) & ~WARM_BIT);
  }

  /**
   * True when the object was last freed on {@code cpu}, went straight to its free_llist, and less than
   * {@code windowBytes} of allocation traffic happened on that CPU since.
   */
  boolean isWarm(int obj, int cpu, long traffic, long windowBytes) {
    long stamp = getLong(obj, FREE_STAMP);
    if ((stamp & WARM_BIT) == 0 || (int) (stamp >>> CPU_SHIFT) - 1 != cpu) {
      return false;
    }
    return ((traffic - stamp) & STAMP_MASK) < windowBytes; // modular difference of the low 47 bits
  }

  private int checked(int obj) {
    return Objects.checkIndex(obj, capacity);
  }

  private byte[] chunk(int obj) {
    return chunks[obj >>> CHUNK_BITS];
  }

  private static int base(int obj) {
    return (obj & CHUNK_MASK) * BYTES_PER_SLOT;
  }

  private int getInt(int obj, int field) {
    return (int) INTS.get(chunk(obj), base(obj) + field);
  }

  private void setInt(int obj, int field, int value) {
    INTS.set(chunk(obj), base(obj) + field, value);
  }

  private long getLong(int obj, int field) {
    return (long) LONGS.get(chunk(obj), base(obj) + field);
  }

  /** One more chunk; only the small array of chunk references is ever copied. */
  private void grow() {
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunkCount * 2);
    }
    chunks[chunkCount++] = new byte[CHUNK_SLOTS * BYTES_PER_SLOT];
  }
}
