package org.allocsim.btf;

/** What a strategy may read of a BTF object: who it is and whether it was freed; not its reference count. */
public interface BtfView {
  int id();

  String name();

  /** vmlinux: never freed. */
  boolean isKernel();

  /** Its last holder went (btf_put). */
  boolean isFreed();
}
