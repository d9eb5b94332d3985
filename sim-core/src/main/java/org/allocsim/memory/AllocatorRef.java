package org.allocsim.memory;

import java.util.Objects;

/**
 * A typed, read-only reference to one allocator, as strategies see it: what it is called and what it holds, never a
 * way to free, destroy or move objects. Exactly one exists per allocator ({@link BpfMemAlloc#ref()}), so identity
 * is equality; {@link #id()} is the run-wide number the kernel's tables use.
 */
public final class AllocatorRef {
  private final BpfMemAlloc allocator;

  AllocatorRef(BpfMemAlloc allocator) {
    this.allocator = Objects.requireNonNull(allocator);
  }

  /** Run-wide number, in creation order. */
  public int id() {
    return allocator.id();
  }

  public String name() {
    return allocator.name();
  }

  /** bpf_mem_alloc_destroy() has run. */
  public boolean destroyed() {
    return allocator.destroyed();
  }

  /** Objects served and not yet freed. */
  public long liveObjects() {
    return allocator.liveObjects();
  }

  /** The unit of a fixed-size allocator, 0 for one of every size class. */
  public int fixedUnitBytes() {
    return allocator.fixedUnitBytes();
  }

  /**
   * Whether a unit of unitBytes can be freed into this allocator, as bpf_mem_free(ma, p) needs when a design frees
   * an object into an allocator other than the one that served it.
   */
  public boolean fits(int unitBytes) {
    if (fixedUnitBytes() != 0) {
      return unitBytes == fixedUnitBytes();
    }
    int cls = SizeClasses.classOf(unitBytes - SizeClasses.HEADER_BYTES);
    return cls >= 0 && SizeClasses.unitBytes(cls) == unitBytes;
  }

  @Override
  public String toString() {
    return name();
  }
}
