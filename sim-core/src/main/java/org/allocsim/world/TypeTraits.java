package org.allocsim.world;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The special fields of one local struct beyond its size (its btf_record): a {@code bpf_refcount}, graph node fields,
 * and graph roots of its own (nested ownership: dropping the object drains them, recursively, bpf_obj_free_fields).
 *
 * @param name the struct
 * @param refcounted it has a {@code struct bpf_refcount} field: bpf_refcount_acquire may take more references
 * @param nodes node fields by name, each a list or rbtree node
 * @param roots graph roots inside the object
 */
public record TypeTraits(String name, boolean refcounted, Map<String, GraphKind> nodes, List<GraphRoot> roots) {
  public TypeTraits {
    Objects.requireNonNull(name, "name");
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    roots = List.copyOf(roots);
  }

  /** A plain struct of scalars. */
  public static TypeTraits plain(String name) {
    return new TypeTraits(name, false, Map.of(), List.of());
  }

  /** True when it has no special field at all (bpf_percpu_obj_new wants "a struct of scalars"). */
  public boolean isPlain() {
    return !refcounted && nodes.isEmpty() && roots.isEmpty();
  }

  /** Index of the named root inside the object, or -1. */
  public int rootIndex(String rootName) {
    for (int i = 0; i < roots.size(); i++) {
      if (roots.get(i).name().equals(rootName)) {
        return i;
      }
    }
    return -1;
  }
}
