package org.allocsim.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * All simulated objects of a run. Slot ids are recycled after an object returns to slab.
 *
 * <p>A slot is one kmalloc'd unit: header plus object. Its record is two longs, 16 bytes (issue 17): the free
 * stamp and the header word, laid out by {@link ObjectWords}.
 * Which list an object is on (free_llist, a stage-1 or a stage-2 list) is not written into its record: the lists say
 * it, so that a grace period's splice or a refill's reuse moves a batch of ids without touching each object's record
 * (the kernel's llist_add_batch() touches only the ends, issue 17). {@link #state(int)} finds the list for the few
 * readers that need it (tests, the oracle's messages).
 * Nothing else: only the allocator and the oracle read an object's record, so what tests alone would read (type,
 * owner, time of the last free) is not stored. Two longs in chunks of 65536 slots: a free or an allocation
 * touches one 16-byte record (one cache line) of a random object, and chunks grow the table without copying.
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

  /** Stored for any object on a list of its allocator; {@link #state(int)} resolves which. */
  private static final byte LISTED = 7;

  /** End of an intrusive list. */
  static final int NIL = -1;
  /** Warmth stamps count allocation bytes modulo 2^47; windows must stay below this. */
  static final long MAX_TRAFFIC_WINDOW = 1L << 47;
  /** Allocator ids fit in 24 bits of the header word. */
  static final int MAX_ALLOCATORS = ObjectWords.MAX_ALLOCATORS;

  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_SLOTS = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_SLOTS - 1;

  private long[][] chunks = new long[4][];
  private int chunkCount;
  private int capacity;
  private int recycled = NIL;
  /** Unit of each fixed-unit allocator that has objects (hash-map allocators: one class, any 8-byte multiple). */
  private int[] fixedUnits = new int[8];
  /** Tells which list a listed object is on; none for a table used alone (tests). */
  private Listing listing;

  /** Which list of its allocator holds a listed object. */
  interface Listing {
    /** {@link #CACHED}, {@link #WAITING_RCU} or {@link #WAITING_TASKS_TRACE}. */
    byte listState(int obj, int allocatorId);
  }

  ObjectTable() {}

  void listedBy(Listing listing) {
    this.listing = listing;
  }

  /**
   * NONE, LIVE, or the list the object is on (CACHED, WAITING_RCU, WAITING_TASKS_TRACE). The list is found by a
   * search of its allocator's lists: for tests and messages, never a per-record path (use {@link #isLive(int)}).
   */
  public byte state(int obj) {
    byte s = storedState(checked(obj));
    if (s != LISTED) {
      return s;
    }
    if (listing == null) {
      throw new IllegalStateException("object " + obj + " is on a list, and this table has no allocators");
    }
    return listing.listState(obj, allocator(obj));
  }

  /** Allocated and not freed. */
  public boolean isLive(int obj) {
    return storedState(checked(obj)) == LIVE;
  }

  /** On one of its allocator's lists (free_llist or an RCU stage): neither live nor back in slab. */
  public boolean isListed(int obj) {
    return storedState(checked(obj)) == LISTED;
  }

  /** Id of the allocator the slot was kmalloc'd for (it never migrates: frees go back to the same allocator). */
  public int allocator(int obj) {
    return ObjectWords.allocatorOf(header(checked(obj)));
  }

  /** Unit bytes of the slot, header included. */
  public int unitBytes(int obj) {
    long h = header(checked(obj));
    int cls = ObjectWords.sizeClassOf(h);
    return cls == ObjectWords.FIXED_CLASS ? fixedUnits[ObjectWords.allocatorOf(h)] : SizeClasses.unitBytes(cls);
  }

  /**
   * CPU of the cache that serves it while it is allocated (the 8-byte header's cache pointer, memalloc.c
   * unit_alloc()); only while LIVE, as the same header holds the list link otherwise.
   */
  public int allocCpu(int obj) {
    checked(obj);
    return ObjectWords.linkOf(header(obj));
  }

  /** CPU of the last free, -1 if never freed since it came from slab. */
  public int lastFreeCpu(int obj) {
    return ObjectWords.freeCpuOf(stamp(checked(obj)));
  }

  /**
   * Reads the record of obj (any id below {@link #capacity()}) and returns its header word, unchecked: the
   * read-ahead's touch of a group's objects, so their misses overlap before the records are applied.
   */
  public long touch(int obj) {
    return header(obj);
  }

  /** Highest slot id + 1 ever used, for scans. */
  public int capacity() {
    return capacity;
  }

  /** Bytes of the primitive arrays, for the "bytes per live object" figure. */
  public long heapBytes() {
    return (long) chunkCount * CHUNK_SLOTS * 16 + fixedUnits.length * 4L;
  }

  // ---- package-private mutators used by Slab and BpfMemAlloc ----

  /** The header word of obj, checked: a free reads its state, allocator, class and allocating CPU in one load. */
  long headerWord(int obj) {
    return header(checked(obj));
  }

  /** A fresh slot from slab (kmalloc): never freed, not warm. */
  int acquire(int allocatorId, int unit, int cpu, byte initialState) {
    if (allocatorId < 0 || allocatorId >= MAX_ALLOCATORS) {
      throw new IllegalStateException("allocator id " + allocatorId + " outside 0.." + (MAX_ALLOCATORS - 1));
    }
    int cls = SizeClasses.classOfUnit(unit);
    if (cls < 0) {
      noteFixedUnit(allocatorId, unit);
      cls = ObjectWords.FIXED_CLASS;
    }
    int obj = recycled;
    if (obj != NIL) {
      recycled = next(obj);
    } else {
      if (capacity == chunkCount * CHUNK_SLOTS) {
        grow();
      }
      obj = capacity++;
    }
    long[] c = chunk(obj);
    int b = base(obj);
    c[b] = 0L;
    c[b + 1] = ObjectWords.header(allocatorId, cls, stored(initialState), NIL); // no list link yet
    return obj;
  }

  /** Back to slab (kfree): the slot joins the recycled chain. */
  void release(int obj) {
    long[] c = chunk(obj);
    int b = base(obj) + 1;
    c[b] = ObjectWords.withStateAndLink(c[b], NONE, recycled);
    recycled = obj;
  }

  /** A cross-allocator free moves the object to the allocator it is freed into (units match: BpfMemAlloc). */
  void setAllocator(int obj, int allocatorId) {
    long[] c = chunk(obj);
    int b = base(obj) + 1;
    if (ObjectWords.sizeClassOf(c[b]) == ObjectWords.FIXED_CLASS) {
      noteFixedUnit(allocatorId, unitBytes(obj));
    }
    c[b] = ObjectWords.withAllocator(c[b], allocatorId);
  }

  /** Any list state is stored as listed: the lists themselves say which. */
  void setState(int obj, byte value) {
    long[] c = chunk(obj);
    int b = base(obj) + 1;
    c[b] = ObjectWords.withState(c[b], stored(value));
  }

  /** A freed object joins a list (unit_free(), unit_free_rcu()); moves between lists leave the record alone. */
  void setListed(int obj) {
    long[] c = chunk(obj);
    int b = base(obj) + 1;
    c[b] = ObjectWords.withState(c[b], LISTED);
  }

  int next(int obj) {
    return ObjectWords.linkOf(header(obj));
  }

  void setNext(int obj, int value) {
    long[] c = chunk(obj);
    int b = base(obj) + 1;
    c[b] = ObjectWords.withLink(c[b], value);
  }

  /** unit_alloc() writes the owning cache into the header, where the list link was. */
  void markAllocated(int obj, int cpu) {
    long[] c = chunk(obj);
    int b = base(obj) + 1;
    c[b] = ObjectWords.withStateAndLink(c[b], LIVE, cpu);
  }

  /**
   * Records a free on {@code cpu}. {@code traffic} is that CPU's allocation-traffic counter; {@code warmEligible}
   * is false for an object that can never come back warm (clearWarm).
   */
  void recordFree(int obj, int cpu, long traffic, boolean warmEligible) {
    chunk(obj)[base(obj)] = ObjectWords.freeStamp(cpu, warmEligible, traffic);
  }

  /** The object can no longer come back warm, whatever the traffic. */
  void clearWarm(int obj) {
    long[] c = chunk(obj);
    c[base(obj)] = ObjectWords.withoutWarm(c[base(obj)]);
  }

  /**
   * True when the object was last freed on {@code cpu}, is warm-eligible, and less than
   * {@code windowBytes} of allocation traffic happened on that CPU since.
   */
  boolean isWarm(int obj, int cpu, long traffic, long windowBytes) {
    return ObjectWords.isWarm(stamp(obj), cpu, traffic, windowBytes);
  }

  private static byte stored(byte state) {
    return state == NONE || state == LIVE ? state : LISTED;
  }

  private byte storedState(int obj) {
    return ObjectWords.stateOf(header(obj));
  }

  private void noteFixedUnit(int allocatorId, int unit) {
    if (allocatorId >= fixedUnits.length) {
      fixedUnits = Arrays.copyOf(fixedUnits, Math.max(allocatorId + 1, fixedUnits.length * 2));
    }
    fixedUnits[allocatorId] = unit;
  }

  private int checked(int obj) {
    return Objects.checkIndex(obj, capacity);
  }

  private long[] chunk(int obj) {
    return chunks[obj >>> CHUNK_BITS];
  }

  private static int base(int obj) {
    return (obj & CHUNK_MASK) << 1;
  }

  private long header(int obj) {
    return chunk(obj)[base(obj) + 1];
  }

  private long stamp(int obj) {
    return chunk(obj)[base(obj)];
  }

  /** One more chunk; only the small array of chunk references is ever copied. */
  private void grow() {
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunkCount * 2);
    }
    chunks[chunkCount++] = new long[CHUNK_SLOTS * 2];
  }
}
