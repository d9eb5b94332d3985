package org.allocsim.world;

/**
 * A graph root as a loaded program addresses it: root {@code root} of {@code map}'s value, or with {@code inner}
 * set, root {@code inner} inside the first node of that root (a nested root: the program pops the node, works on its
 * own root under its lock, and pushes it back). With {@code viaOuter}, {@code map} is an outer map and the root is
 * in the value of the inner map its lookup returns (linked_list.c's map_of_maps): the record key's high 32 bits
 * select the outer slot, as for a {@link FieldRef}.
 *
 * @param map the map whose value holds the root
 * @param root index into the map's roots
 * @param spec the root's declaration
 * @param inner index of a root inside the node type, or -1
 * @param innerSpec that root's declaration, or null
 * @param viaOuter the root lives in an inner map found through {@code map}
 */
public record RootRef(BpfMap map, int root, GraphRoot spec, int inner, GraphRoot innerSpec, boolean viaOuter) {

  /** The root the step adds to or removes from. */
  public GraphRoot target() {
    return innerSpec != null ? innerSpec : spec;
  }

  @Override
  public String toString() {
    return map.name() + (viaOuter ? "[inner]" : "") + "." + spec.name()
        + (innerSpec != null ? "." + innerSpec.name() : "");
  }
}
