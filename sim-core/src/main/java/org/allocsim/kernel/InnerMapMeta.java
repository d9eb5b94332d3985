package org.allocsim.kernel;

import org.allocsim.world.BpfMap;
import org.allocsim.world.GraphRegistry;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;

/**
 * bpf_map_meta_equal(): whether a map may go into an outer map's slot, compared with the outer map's inner-map
 * template (map_in_map.c). Besides type and sizes, the kernel compares the two maps' btf_records
 * (btf_record_equal), which hold the kptr fields, the graph roots and the bpf_spin_lock, each naming its BTF object.
 */
final class InnerMapMeta {
  private InnerMapMeta() {}

  /** Why the kernel refuses inner in outer's slots (-EINVAL), or null when it takes it. */
  static String mismatch(GraphRegistry graph, BpfMap outer, BpfMap inner) {
    MapSpec t = outer.spec().innerTemplate();
    if (inner.type() != t.type() || !inner.spec().fields().equals(t.fields()) || inner.type() == MapType.ALLOCATOR
        || !graph.roots(inner).equals(graph.roots(outer)) || graph.unlocked(inner) != graph.unlocked(outer)) {
      return "inner map does not match template";
    }
    if (!sameRecord(graph, outer, inner)) {
      return "bpf_map_meta_equal: the inner map's kptr fields or graph roots come from BTF object "
          + inner.btf().name() + ", the template's from " + outer.btf().name() + " (-EINVAL)";
    }
    return null;
  }

  /**
   * A local kptr field or graph root is the same only when both maps come from one BTF object (a root's
   * __contains struct is a local one); a kernel kptr is the same struct of vmlinux. Checked on Linux 6.18: an inner
   * map whose kptr field comes from another load's BTF is refused with -EINVAL.
   */
  private static boolean sameRecord(GraphRegistry graph, BpfMap outer, BpfMap inner) {
    if (inner.btf() == outer.btf()) {
      return true;
    }
    if (!graph.roots(inner).isEmpty()) {
      return false;
    }
    for (int f = 0; f < inner.fieldCount(); f++) {
      if (!inner.fieldType(f).isKernel()) {
        return false;
      }
    }
    return true;
  }
}
