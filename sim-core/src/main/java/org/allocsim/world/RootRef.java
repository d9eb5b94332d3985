package org.allocsim.world;

/**
 * A graph root as a loaded program addresses it: root {@code root} of {@code map}'s value, or with {@code inner}
 * set, root {@code inner} inside the first node of that root (a nested root: the program pops the node, works on its
 * own root under its lock, and pushes it back).
 *
 * @param map the map whose value holds the root
 * @param root index into the map's roots
 * @param spec the root's declaration
 * @param inner index of a root inside the node type, or -1
 * @param innerSpec that root's declaration, or null
 */
public record RootRef(BpfMap map, int root, GraphRoot spec, int inner, GraphRoot innerSpec) {

  /** The root the step adds to or removes from. */
  public GraphRoot target() {
    return innerSpec != null ? innerSpec : spec;
  }

  @Override
  public String toString() {
    return map.name() + "." + spec.name() + (innerSpec != null ? "." + innerSpec.name() : "");
  }
}
