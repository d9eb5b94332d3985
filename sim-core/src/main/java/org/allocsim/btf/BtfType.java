package org.allocsim.btf;

/**
 * A struct type as one BTF object describes it. Equality is the kernel's {@code btf_types_are_same()}: the same
 * BTF object and the same type (name). Kernel types compare equal across any reference to vmlinux.
 *
 * @param btf the BTF object that holds the type
 * @param name the struct name, e.g. {@code cgv_node}
 * @param sizeBytes {@code sizeof} the struct; the allocator adds its 8-byte header
 */
public record BtfType(BtfObject btf, String name, int sizeBytes) {

  public boolean isKernel() {
    return btf.isKernel();
  }

  /**
   * btf_types_are_same(b1, id1, b2, id2): ids equal and the same BTF object (kernel/bpf/btf.c). Local types of two
   * loads of the same source are different types; that is what makes S9's reload into a pinned map fail in the landed
   * design (docs/designs.md, what landed, inferred).
   */
  public boolean sameAs(BtfType other) {
    return other != null && name.equals(other.name) && btf == other.btf;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BtfType t && sameAs(t);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(btf) * 31 + name.hashCode();
  }

  @Override
  public String toString() {
    return "struct " + name + "@" + btf;
  }
}
