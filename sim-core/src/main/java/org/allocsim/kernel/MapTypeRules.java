package org.allocsim.kernel;

import org.allocsim.world.MapType;
import org.allocsim.world.RootRef;
import org.allocsim.world.Step;
import org.allocsim.world.StepKind;

/**
 * What the kernel lets each map type hold and which helpers take it, the same in every design: map_check_btf
 * (kernel/bpf/syscall.c) for the special fields a value may have, check_map_func_compatibility
 * (kernel/bpf/verifier.c) for the helpers a local-storage map takes. Kptr fields of every flavour are allowed in
 * hash, array, LRU hash, their percpu forms and the four local-storage maps.
 */
final class MapTypeRules {
  /** BPF_FUNC_map_update_elem's number, which the refusal prints. */
  private static final int MAP_UPDATE_ELEM = 2;

  private MapTypeRules() {}

  /** The kernel's refusal of op for the map types it names, or null. */
  static String check(Step op) {
    if (op.kind() == StepKind.MAP_UPDATE && op.element() != null && !op.element().viaOuter()
        && op.element().map().type().isLocalStorage()) {
      // a local-storage map takes bpf_*_storage_get, bpf_*_storage_delete and bpf_kptr_xchg only
      MapType t = op.element().map().type();
      return "cannot pass map_type " + t.uapiNumber() + " into func bpf_map_update_elem#" + MAP_UPDATE_ELEM + " ("
          + op.element().map().name() + " is a " + t.label() + " map: its values are created by bpf_"
          + t.owner() + "_storage_get with BPF_LOCAL_STORAGE_GET_F_CREATE)";
    }
    for (RootRef r : new RootRef[] {op.root(), op.acquireRoot()}) {
      String refusal = r == null ? null : roots(r);
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  /**
   * map_check_btf walks the value's fields in bit order: a bpf_spin_lock (which a value with roots has) is
   * -EOPNOTSUPP outside hash, array and the local-storage maps; a bpf_list_head or bpf_rb_root is -EINVAL outside
   * hash, LRU hash and array. The map is not created, so no program using it loads.
   */
  private static String roots(RootRef r) {
    // through an outer map, the root is in its inner template's value
    MapType t = r.viaOuter() ? r.map().spec().valueSpec().type() : r.map().type();
    if (t == MapType.HASH || t == MapType.ARRAY || t == MapType.LRU_HASH) {
      return null;
    }
    String root = r.spec().kind().rootType();
    if (t.isPercpu()) {
      return "map " + r.map().name() + ": bpf_spin_lock (with its " + root + ") in a " + t.label()
          + " map (map_check_btf: -EOPNOTSUPP, the map cannot be created)";
    }
    return "map " + r.map().name() + ": " + root + " in a " + t.label()
        + " map (map_check_btf: -EINVAL, the map cannot be created)";
  }
}
