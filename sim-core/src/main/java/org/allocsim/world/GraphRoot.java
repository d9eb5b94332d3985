package org.allocsim.world;

import java.util.Objects;

/**
 * A {@code bpf_list_head} or {@code bpf_rb_root} field with its {@code __contains(type, field)} declaration: the
 * local struct its nodes are, and the node field through which they are linked (btf_parse_graph_root).
 *
 * @param name field name, e.g. {@code groot}
 * @param kind list or rbtree
 * @param nodeType the struct named by __contains
 * @param nodeField the bpf_list_node / bpf_rb_node field of nodeType named by __contains
 */
public record GraphRoot(String name, GraphKind kind, String nodeType, String nodeField) {
  public GraphRoot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nodeType, "nodeType");
    Objects.requireNonNull(nodeField, "nodeField");
  }

  @Override
  public String toString() {
    return kind.rootType() + " " + name + " __contains(" + nodeType + ", " + nodeField + ")";
  }
}
