package org.allocsim.scenarios.random;

/**
 * What random worlds may contain. A design with a known hole in one feature (per-field's map-in-map hole, S4) hides
 * its other holes behind it: leaving the feature out lets the hunter look past it.
 *
 * @param mapInMap outer maps, user-space inner maps, inner-map inserts and deletes
 * @param heldMoves programs that take_hold from one field and put_held into another, and records that run them
 */
public record WorldOptions(boolean mapInMap, boolean heldMoves) {
  public static final WorldOptions ALL = new WorldOptions(true, true);

  /** With held moves. */
  public WorldOptions(boolean mapInMap) {
    this(mapInMap, true);
  }
}
