package org.allocsim.world;

import org.allocsim.btf.BtfType;

/**
 * A kptr field as a loaded program addresses it. Through an outer map the program reaches an inner map by lookup;
 * such inner maps are not in the program's used_maps (Delyan: "a wrench in that plan", S4).
 *
 * @param map the map named by the program (the outer map when {@code viaOuter})
 * @param field field index in the value (of the inner template when {@code viaOuter})
 * @param type the field's type as the verifier sees it (resolved in {@code map}'s BTF)
 * @param viaOuter the field lives in an inner map found through {@code map}
 */
public record FieldRef(BpfMap map, int field, BtfType type, boolean viaOuter) {

  /** Whether the field is in a {@link BpfMap#direct} map the program names itself: the key is the element. */
  public boolean direct() {
    return !viaOuter && map.direct();
  }

  /** Inner-map index of a record key: the high 32 bits select the outer slot. */
  public static long outerIndex(long key) {
    return key >>> 32;
  }

  /** Key inside the inner map: the low 32 bits. */
  public static long innerKey(long key) {
    return key & 0xffff_ffffL;
  }

  @Override
  public String toString() {
    return map.name() + (viaOuter ? "[inner]" : "") + "." + map.spec().valueSpec().fields().get(field).name();
  }
}
