package org.allocsim.world;

/** The map types allocsim models (docs/designs.md; sizes in docs/workloads.md). */
public enum MapType {
  HASH("hash"), ARRAY("array"),
  /**
   * Preallocated; a key takes one of max_entries elements, and an update that finds none free evicts the least
   * recently used one and releases its kptrs (kernel.LruHashes).
   */
  LRU_HASH("lru_hash"), ARRAY_OF_MAPS("array_of_maps"), HASH_OF_MAPS("hash_of_maps"),
  /** BPF_MAP_TYPE_ALLOCATOR of the 2022 proposals (never merged): a map that owns one bpf_mem_alloc. */
  ALLOCATOR("allocator");

  private final String label;

  MapType(String label) {
    this.label = label;
  }

  /** The name used in scenario files. */
  public String label() {
    return label;
  }

  public boolean isMapInMap() {
    return this == ARRAY_OF_MAPS || this == HASH_OF_MAPS;
  }

  public static MapType fromLabel(String label) {
    for (MapType t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    return null;
  }
}
