package org.allocsim.scenarios.random;

/**
 * What random worlds may contain. A design with a known hole in one feature (per-field's map-in-map hole, S4) hides
 * its other holes behind it: leaving the feature out lets the hunter look past it.
 *
 * @param mapInMap outer maps, user-space inner maps, inner-map inserts and deletes
 */
public record WorldOptions(boolean mapInMap) {
  public static final WorldOptions ALL = new WorldOptions(true);
}
