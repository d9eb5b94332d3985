package org.allocsim.strategies;

import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.FieldRef;
import org.allocsim.world.MapView;

/**
 * A kptr field of one map, the unit of design 2's bindings ({map, kptr_offset} in Alexei's 08-29 20:34 proposal).
 * A field reached through an outer map is keyed on the outer map: the verifier only sees the inner-map template.
 *
 * @param map the map
 * @param field field index in its value
 */
record FieldKey(MapView map, int field) {

  static FieldKey of(FieldRef ref) {
    return new FieldKey(ref.map(), ref.field());
  }

  static String name(MapView map, int field) {
    return map.name() + "." + map.spec().valueSpec().fields().get(field).name();
  }

  /** Whether any value of the map holds an object in this field (a walk, charged per value visited). */
  boolean hasValues(StrategyContext ctx) {
    if (map.isFreed() || !map.holdsKptrs()) {
      return false;
    }
    int fields = map.fieldCount();
    long[] found = new long[2];
    map.forEachStored((slot, obj) -> {
      found[1]++;
      if (slot % fields == field) {
        found[0]++;
      }
    });
    ctx.chargeBookkeeping(found[1]);
    return found[0] > 0;
  }

  @Override
  public String toString() {
    return name(map, field);
  }
}
