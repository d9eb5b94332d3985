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

  /**
   * Byte offset of a node field in the layout allocsim assumes for a struct with special fields (the file gives no
   * offsets): a {@code bpf_refcount} (4 bytes), then a {@code bpf_spin_lock} (4) if it has roots, then the roots
   * (16 each, 8-aligned), then the nodes in declaration order ({@code bpf_rb_node} 32, {@code bpf_list_node} 24),
   * then the struct's other bytes. The kernel check writes the C this way, and the verifier's graph messages print
   * these offsets. -1 when there is no such node.
   */
  public int nodeOffset(String node) {
    int at = headerBytes();
    for (Map.Entry<String, GraphKind> e : nodes.entrySet()) {
      if (e.getKey().equals(node)) {
        return at;
      }
      at += nodeBytes(e.getValue());
    }
    return -1;
  }

  /** Bytes the special fields take in that layout: a smaller struct size cannot hold them. */
  public int specialBytes() {
    int at = headerBytes();
    for (GraphKind k : nodes.values()) {
      at += nodeBytes(k);
    }
    return at;
  }

  private int headerBytes() {
    int at = (refcounted ? 4 : 0) + (roots.isEmpty() ? 0 : 4);
    return (at + 7) / 8 * 8 + 16 * roots.size();
  }

  private static int nodeBytes(GraphKind k) {
    return k == GraphKind.RBTREE ? 32 : 24;
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
