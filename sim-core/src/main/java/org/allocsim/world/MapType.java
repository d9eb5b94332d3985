package org.allocsim.world;

/** The map types allocsim models (docs/designs.md; sizes in docs/workloads.md). */
public enum MapType {
  HASH("hash", 1), ARRAY("array", 2),
  /**
   * Preallocated; a key takes one of max_entries elements, and an update that finds none free evicts the least
   * recently used one and releases its kptrs (kernel.LruHashes).
   */
  LRU_HASH("lru_hash", 9), ARRAY_OF_MAPS("array_of_maps", 12), HASH_OF_MAPS("hash_of_maps", 13),
  /** BPF_MAP_TYPE_ALLOCATOR of the 2022 proposals (never merged): a map that owns one bpf_mem_alloc. */
  ALLOCATOR("allocator", -1),
  /** One copy of the value per possible CPU (kptr fields since 65334e64a493, v6.6): a program sees its CPU's. */
  PERCPU_HASH("percpu_hash", 5), PERCPU_ARRAY("percpu_array", 6),
  /** An LRU hash whose values are percpu: the LRU picks the element, the CPU its copy. */
  LRU_PERCPU_HASH("lru_percpu_hash", 10),
  /** Local storage: a value per owner (a socket, an inode, a task, a cgroup), keyed by the owner, dying with it. */
  SK_STORAGE("sk_storage", 24), INODE_STORAGE("inode_storage", 28), TASK_STORAGE("task_storage",
      29), CGRP_STORAGE("cgrp_storage", 32);

  private final String label;
  private final int uapi;

  MapType(String label, int uapi) {
    this.label = label;
    this.uapi = uapi;
  }

  /** The name used in scenario files. */
  public String label() {
    return label;
  }

  /** enum bpf_map_type's number, which the verifier prints ("cannot pass map_type 29 into func ..."). */
  public int uapiNumber() {
    return uapi;
  }

  /** An LRU hash (of plain or percpu values): a key gets one of max_entries preallocated elements. */
  public boolean isLru() {
    return this == LRU_HASH || this == LRU_PERCPU_HASH;
  }

  public boolean isMapInMap() {
    return this == ARRAY_OF_MAPS || this == HASH_OF_MAPS;
  }

  /** A value has one copy per possible CPU. */
  public boolean isPercpu() {
    return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH;
  }

  /** Elements cannot be deleted: array_map_delete_elem returns -EINVAL. */
  public boolean isArray() {
    return this == ARRAY || this == PERCPU_ARRAY;
  }

  /** A local-storage map: its key is an owner, whose death frees its storage. */
  public boolean isLocalStorage() {
    return this == SK_STORAGE || this == INODE_STORAGE || this == TASK_STORAGE || this == CGRP_STORAGE;
  }

  /** The owner a local-storage map keys by ("task" for task_storage), or null. */
  public String owner() {
    return isLocalStorage() ? label.substring(0, label.indexOf('_')) : null;
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
