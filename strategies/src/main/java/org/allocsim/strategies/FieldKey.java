package org.allocsim.strategies;

import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.SizeClasses;
import org.allocsim.world.BpfMap;
import org.allocsim.world.FieldRef;

/**
 * A kptr field of one map, the unit of design 2's bindings ({map, kptr_offset} in Alexei's 08-29 20:34 proposal).
 * A field reached through an outer map is keyed on the outer map: the verifier only sees the inner-map template.
 *
 * @param map the map
 * @param field field index in its value
 */
record FieldKey(BpfMap map, int field) {

  static FieldKey of(FieldRef ref) {
    return new FieldKey(ref.map(), ref.field());
  }

  /**
   * Whether a unit of unitBytes can be freed into target, as bpf_mem_free(target, p) needs when a design frees an
   * object into an allocator other than the one that served it.
   */
  static boolean fits(BpfMemAlloc target, int unitBytes) {
    if (target.fixedUnitBytes() != 0) {
      return unitBytes == target.fixedUnitBytes();
    }
    int cls = SizeClasses.classOf(unitBytes - SizeClasses.HEADER_BYTES);
    return cls >= 0 && SizeClasses.unitBytes(cls) == unitBytes;
  }

  @Override
  public String toString() {
    return map.name() + "." + map.spec().valueSpec().fields().get(field).name();
  }
}
