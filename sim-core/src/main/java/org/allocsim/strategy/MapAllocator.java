package org.allocsim.strategy;

/** Which allocator of a new map {@link LifetimeStrategy#mapAllocator} is asked about. */
public enum MapAllocator {
  /** The allocator a BPF_MAP_TYPE_ALLOCATOR map stands for (Delyan 08-25, S2). */
  ALLOCATOR_MAP,
  /** The allocator the elements of a no-prealloc hash map come from (htab->ma; design 3's elem_allocator, S13). */
  ELEMENTS
}
