package org.allocsim.memory;

/**
 * The bit layout of an object record's two words (issue 17: 16 bytes an object), kept apart from the table that
 * stores them so that the table reads as the kernel's operations and this class as the encoding.
 * <ul>
 *   <li>the free stamp: bits 63..48 the last freeing CPU + 1 (0 = never freed), bit 47 warm-eligible, bits 46..0
 *       that CPU's allocation-traffic counter at the free, modulo 2^47;</li>
 *   <li>the header word: bits 31..0 the 8-byte header of the kernel's object, which holds the llist_node while
 *       the object sits on a list and the owning cache (here its CPU) while it is allocated (memalloc.c
 *       unit_alloc()); bits 34..32 the state as stored: unused, live, or on a list; bits 39..35 the size class
 *       ({@link #FIXED_CLASS}: the allocator's fixed unit); bits 63..40 the allocator.</li>
 * </ul>
 */
final class ObjectWords {
  /** Size class of an object whose unit is its allocator's fixed unit (hash-map allocators). */
  static final int FIXED_CLASS = 31;
  /** Allocator ids fit in 24 bits of the header word. */
  static final int MAX_ALLOCATORS = 1 << 24;

  private static final long LOW_MASK = 0xFFFF_FFFFL;
  private static final int STATE_SHIFT = 32;
  private static final long STATE_MASK = 7L << STATE_SHIFT;
  private static final int CLASS_SHIFT = 35;
  private static final int ALLOCATOR_SHIFT = 40;

  private static final int CPU_SHIFT = 48;
  private static final long WARM_BIT = 1L << 47;
  private static final long STAMP_MASK = WARM_BIT - 1;

  private ObjectWords() {}

  // ---- the header word ----

  static long header(int allocatorId, int sizeClass, byte storedState, int link) {
    return ((long) allocatorId << ALLOCATOR_SHIFT) | ((long) sizeClass << CLASS_SHIFT)
        | ((long) storedState << STATE_SHIFT) | (link & LOW_MASK);
  }

  static byte stateOf(long header) {
    return (byte) ((header & STATE_MASK) >>> STATE_SHIFT);
  }

  static boolean isLive(long header) {
    return (header & STATE_MASK) == (long) ObjectTable.LIVE << STATE_SHIFT;
  }

  static int allocatorOf(long header) {
    return (int) (header >>> ALLOCATOR_SHIFT);
  }

  /** The size class of a size==0 allocator's object (a fixed-unit allocator has one class, 0). */
  static int sizeClassOf(long header) {
    return (int) (header >>> CLASS_SHIFT) & 31;
  }

  /** The low 32 bits: the list link while listed, the allocating CPU while live (the kernel's 8-byte header). */
  static int linkOf(long header) {
    return (int) header;
  }

  static long withState(long header, byte storedState) {
    return (header & ~STATE_MASK) | ((long) storedState << STATE_SHIFT);
  }

  static long withLink(long header, int link) {
    return (header & ~LOW_MASK) | (link & LOW_MASK);
  }

  /** State and link at once: unit_alloc() writes the owning cache where the list link was; kfree the chain link. */
  static long withStateAndLink(long header, byte storedState, int link) {
    return (header & ~(STATE_MASK | LOW_MASK)) | ((long) storedState << STATE_SHIFT) | (link & LOW_MASK);
  }

  static long withAllocator(long header, int allocatorId) {
    return (header & ((1L << ALLOCATOR_SHIFT) - 1)) | ((long) allocatorId << ALLOCATOR_SHIFT);
  }

  // ---- the free stamp ----

  static long freeStamp(int cpu, boolean warmEligible, long traffic) {
    return ((long) (cpu + 1) << CPU_SHIFT) | (warmEligible ? WARM_BIT : 0L) | (traffic & STAMP_MASK);
  }

  static long withoutWarm(long stamp) {
    return stamp & ~WARM_BIT;
  }

  /** CPU of the last free, -1 if never freed since the slot came from slab. */
  static int freeCpuOf(long stamp) {
    return (int) (stamp >>> CPU_SHIFT) - 1;
  }

  /** Freed warm-eligible on cpu, with less than windowBytes of that CPU's allocation traffic since. */
  static boolean isWarm(long stamp, int cpu, long traffic, long windowBytes) {
    if ((stamp & WARM_BIT) == 0 || freeCpuOf(stamp) != cpu) {
      return false;
    }
    return ((traffic - stamp) & STAMP_MASK) < windowBytes; // modular difference of the low 47 bits
  }
}
