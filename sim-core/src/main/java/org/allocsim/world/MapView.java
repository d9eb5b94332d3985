package org.allocsim.world;

import org.allocsim.btf.BtfType;
import org.allocsim.btf.BtfView;

/**
 * What a strategy may read of a map: identity, definition, BTF, kptr fields and what they hold. No holder, no slot
 * and no allocator can be changed through it: the kernel alone stores, takes and frees.
 */
public interface MapView {
  int id();

  String name();

  MapSpec spec();

  MapType type();

  /** The BTF object its kptr field types resolve in. */
  BtfView btf();

  boolean isFreed();

  /** Number of kptr fields per value (of the inner template for an outer map). */
  int fieldCount();

  /** Number of bpf_list_head / bpf_rb_root fields in the value (their nodes are the kernel's to track). */
  default int graphRootCount() {
    return 0;
  }

  /** The resolved type of kptr field i. */
  BtfType fieldType(int field);

  /** True when the values of this map hold kptrs (not an outer or allocator map). */
  boolean holdsKptrs();

  /**
   * Visits every occupied slot in index order: object ids for a kptr map (slot = key * fieldCount + field), inner
   * map ids for an outer map. Nothing for a map without slots.
   */
  void forEachStored(SlotArray.SlotVisitor visitor);
}
