package org.allocsim.world;

import java.util.List;
import java.util.Objects;

/**
 * A map definition as an object file declares it ({@code SEC(".maps")}).
 *
 * @param name map name
 * @param type map type
 * @param maxEntries max_entries; keys index slots {@code 0..maxEntries-1}
 * @param fields kptr fields of the value (empty for plain maps)
 * @param innerTemplate for map-in-map: the inner map template (libbpf {@code __array(values, …)}); else null
 * @param kptrAllocator design 3's {@code .kptr_allocator = { &ma }}: name of an allocator map, or null (implicit)
 * @param elemAllocator design 3's {@code elem_allocator}: name of an allocator map, or null
 * @param allocatorUnitBytes for an allocator map: fixed object size, 0 for a size==0 allocator with 11 classes
 * @param pinPath bpffs path for LIBBPF_PIN_BY_NAME-style reuse, or null; a pinned map is reused on reload
 * @param elementBytes for a BPF_F_NO_PREALLOC hash map: elem_size (sizeof(struct htab_elem) + round_up(key, 8) +
 *     round_up(value, 8)); its elements then come from a bpf_mem_alloc (htab->ma). 0: element memory not modelled
 */
public record MapSpec(String name, MapType type, int maxEntries, List<KptrField> fields, MapSpec innerTemplate,
    String kptrAllocator, String elemAllocator, int allocatorUnitBytes, String pinPath, int elementBytes) {

  public MapSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    fields = List.copyOf(fields);
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("map " + name + ": max_entries must be positive");
    }
    if (type.isMapInMap() != (innerTemplate != null)) {
      throw new IllegalArgumentException("map " + name + ": an inner-map template goes with map-in-map types only");
    }
    if (type.isMapInMap() && !fields.isEmpty()) {
      throw new IllegalArgumentException("map " + name + ": an outer map holds maps, not kptr fields");
    }
    if (elementBytes < 0 || (elementBytes > 0 && type != MapType.HASH)) {
      throw new IllegalArgumentException("map " + name + ": element memory is modelled for no-prealloc hash maps");
    }
  }

  /** True when elements are allocated on insert from the map's element allocator (BPF_F_NO_PREALLOC). */
  public boolean modelsElements() {
    return elementBytes > 0;
  }

  /** A plain map with kptr fields. */
  public static MapSpec of(String name, MapType type, int maxEntries, KptrField... fields) {
    return new MapSpec(name, type, maxEntries, List.of(fields), null, null, null, 0, null, 0);
  }

  /** An outer map (array_of_maps / hash_of_maps) with its inner template. */
  public static MapSpec outer(String name, MapType type, int maxEntries, MapSpec innerTemplate) {
    return new MapSpec(name, type, maxEntries, List.of(), innerTemplate, null, null, 0, null, 0);
  }

  /** A BPF_MAP_TYPE_ALLOCATOR map; unitBytes 0 serves every size class. */
  public static MapSpec allocator(String name, int unitBytes) {
    return new MapSpec(name, MapType.ALLOCATOR, 1, List.of(), null, null, null, unitBytes, null, 0);
  }

  public MapSpec pinnedAt(String path) {
    return new MapSpec(name, type, maxEntries, fields, innerTemplate, kptrAllocator, elemAllocator,
        allocatorUnitBytes, path, elementBytes);
  }

  public MapSpec withKptrAllocator(String allocatorMap) {
    return new MapSpec(name, type, maxEntries, fields, innerTemplate, allocatorMap, elemAllocator,
        allocatorUnitBytes, pinPath, elementBytes);
  }

  public MapSpec withElemAllocator(String allocatorMap) {
    return new MapSpec(name, type, maxEntries, fields, innerTemplate, kptrAllocator, allocatorMap,
        allocatorUnitBytes, pinPath, elementBytes);
  }

  /** A BPF_F_NO_PREALLOC hash map whose elements of elemSize bytes come from a bpf_mem_alloc. */
  public MapSpec withElements(int elemSize) {
    return new MapSpec(name, type, maxEntries, fields, innerTemplate, kptrAllocator, elemAllocator,
        allocatorUnitBytes, pinPath, elemSize);
  }

  /** Index of the named field, or -1. */
  public int fieldIndex(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  /** The spec whose value holds kptr fields: the inner template for map-in-map, else this. */
  public MapSpec valueSpec() {
    return innerTemplate != null ? innerTemplate : this;
  }
}
