package org.allocsim.world;

/** The two graph roots a map value or a local object can hold, with the node field each contains. */
public enum GraphKind {
  /** bpf_list_head / bpf_list_node: push_front/back, pop_front/back. */
  LIST("bpf_list_head", "bpf_list_node"),
  /** bpf_rb_root / bpf_rb_node: bpf_rbtree_add, bpf_rbtree_first, bpf_rbtree_remove. */
  RBTREE("bpf_rb_root", "bpf_rb_node");

  private final String rootType;
  private final String nodeType;

  GraphKind(String rootType, String nodeType) {
    this.rootType = rootType;
    this.nodeType = nodeType;
  }

  /** The kernel's struct name of the root, as the verifier's messages print it. */
  public String rootType() {
    return rootType;
  }

  /** The kernel's struct name of the node field. */
  public String nodeType() {
    return nodeType;
  }

  /** Name used in scenario files: {@code list} or {@code rbtree}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
