package org.allocsim.world;

import org.allocsim.btf.BtfObject;
import org.allocsim.btf.BtfType;

/**
 * A created map. It carries the BTF object it was created with; its kptr fields' types resolve in that BTF
 * (map-in-map: the inner template's fields resolve in the outer map's BTF, bpf_map_meta_alloc "We must use the same
 * BTF"). Values are sparse slot arrays: object ids for kptr maps, inner map ids for outer maps.
 */
public final class BpfMap implements MapView {
  private int graphRoots;
  private final int id;
  private final MapSpec spec;
  private final BtfObject btf;
  private final BtfType[] fieldTypes;
  private final SlotArray slots;
  private final Holders holders = new Holders();
  private int allocator = -1;
  private int elementAllocator = -1;
  private final SlotArray elements;
  private long storedBytes;
  /** Objects its kptr slots hold now, by the allocator in their header (design 0's walk reads these, issue 17). */
  private long[] storedByAllocator = new long[0];
  private boolean freed;
  /** Copies of a value: the possible CPUs for a percpu map, else 1. */
  private final int copies;
  private final long maxEntries;
  /** See {@link #direct}: fixed at creation, as everything it depends on is. */
  private final boolean direct;

  BpfMap(int id, MapSpec spec, BtfObject btf, BtfType[] fieldTypes, int cpus) {
    this.id = id;
    this.spec = spec;
    this.btf = btf;
    this.fieldTypes = fieldTypes;
    this.copies = spec.type().isPercpu() ? cpus : 1;
    long length = spec.type().isMapInMap() ? spec.maxEntries()
        : (long) spec.maxEntries() * copies * spec.fields().size();
    this.slots = length > 0 ? new SlotArray(length) : null;
    this.elements = spec.modelsElements() ? new SlotArray(spec.maxEntries()) : null;
    this.maxEntries = spec.maxEntries();
    this.direct = slots != null && elements == null && copies == 1 && !spec.type().isLru()
        && !spec.type().isMapInMap();
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public MapSpec spec() {
    return spec;
  }

  @Override
  public MapType type() {
    return spec.type();
  }

  @Override
  public BtfObject btf() {
    return btf;
  }

  public Holders holders() {
    return holders;
  }

  @Override
  public boolean isFreed() {
    return freed;
  }

  void markFreed() {
    freed = true;
  }

  /** Number of kptr fields per value (of the inner template for an outer map). */
  @Override
  public int graphRootCount() {
    return graphRoots;
  }

  void setGraphRootCount(int roots) {
    this.graphRoots = roots;
  }

  @Override
  public int fieldCount() {
    return fieldTypes.length;
  }

  /** The resolved type of kptr field i (for an outer map: of the template's field, in this map's BTF). */
  @Override
  public BtfType fieldType(int field) {
    return fieldTypes[field];
  }

  /** True when the values of this map hold kptrs (not an outer or allocator map). */
  @Override
  public boolean holdsKptrs() {
    return !spec.type().isMapInMap() && !fieldTypesEmpty();
  }

  private boolean fieldTypesEmpty() {
    return fieldTypes.length == 0;
  }

  @Override
  public void forEachStored(SlotArray.SlotVisitor visitor) {
    if (slots != null) {
      slots.forEach(visitor);
    }
  }

  /**
   * Whether a key below max_entries is its own element and every element exists: a kptr map that is not LRU,
   * percpu, outer, or modelling element memory. A program's kptr_xchg on such a map needs no lookup beyond the key
   * (the replay's short path, issue 17).
   */
  public boolean direct() {
    return direct;
  }

  /** max_entries, kept in the map: the replay's short path reads it per record. */
  public long maxEntries() {
    return maxEntries;
  }

  /** Copies of each value: one per possible CPU in a percpu map (its slots are key × cpus × fields), else 1. */
  public int copies() {
    return copies;
  }

  /** The value index a program on cpu sees for element: its CPU's copy in a percpu map, else the element. */
  public long copyOf(long element, int cpu) {
    return copies == 1 ? element : element * copies + cpu;
  }

  /** Slot index of (key, field) in a kptr map; in a percpu map the key is a {@link #copyOf copy} index. */
  public long slot(long key, int field) {
    return key * fieldTypes.length + field;
  }

  /** Kptr slots (object ids) or, for an outer map, inner map ids by key; null for maps without either. */
  public SlotArray slots() {
    return slots;
  }

  /** Unit bytes of the objects its kptr fields hold now (kept by the kernel as it stores and takes). */
  public long storedBytes() {
    return storedBytes;
  }

  public void adjustStoredBytes(long delta) {
    storedBytes += delta;
  }

  /** An object of unitBytes served by allocator entered (delta 1) or left (delta -1) one of its kptr slots. */
  public void kptrSlotChanged(int allocator, int unitBytes, int delta) {
    storedBytes += (long) delta * unitBytes;
    if (allocator >= storedByAllocator.length) {
      storedByAllocator = java.util.Arrays.copyOf(storedByAllocator, Math.max(allocator + 1,
          storedByAllocator.length * 2));
    }
    storedByAllocator[allocator] += delta;
  }

  /** Objects its kptr slots hold now that allocator served (their header names it). */
  public long storedFrom(int allocator) {
    return allocator < storedByAllocator.length ? storedByAllocator[allocator] : 0;
  }

  /** One more than the highest allocator id {@link #storedFrom} may count objects of. */
  public int storedAllocatorBound() {
    return storedByAllocator.length;
  }

  /** Element objects by key, for a map that models element memory; else null. */
  public SlotArray elements() {
    return elements;
  }

  /** The allocator its elements come from (htab->ma, or a shared elem_allocator), or -1. */
  public int elementAllocator() {
    return elementAllocator;
  }

  void setElementAllocator(int allocatorId) {
    this.elementAllocator = allocatorId;
  }

  /** The allocator an ALLOCATOR map owns, or -1. */
  public int allocator() {
    return allocator;
  }

  void setAllocator(int allocatorId) {
    this.allocator = allocatorId;
  }

  @Override
  public String toString() {
    return "map " + spec.name() + "#" + id;
  }
}
