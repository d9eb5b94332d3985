package org.allocsim.world;

/**
 * The map a program's bpf_map_update_elem / bpf_map_delete_elem names. Through an outer map the program updates
 * the inner map its lookup returned (the verifier refuses an update of the map-in-map itself), as a
 * {@link FieldRef} does; the record's key carries the outer slot in its high 32 bits.
 *
 * @param map the map named by the program (the outer map when {@code viaOuter})
 * @param viaOuter the element lives in an inner map found through {@code map}
 */
public record ElementRef(BpfMap map, boolean viaOuter) {

  @Override
  public String toString() {
    return map.name() + (viaOuter ? "[inner]" : "");
  }
}
