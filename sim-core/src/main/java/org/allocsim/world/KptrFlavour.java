package org.allocsim.world;

/**
 * What a kptr field holds (btf_parse_kptr): a referenced pointer the map owns, an untrusted pointer it does not
 * own, or a percpu object from bpf_percpu_obj_new.
 */
public enum KptrFlavour {
  /** {@code __kptr}: BPF_KPTR_REF; bpf_kptr_xchg moves the reference in and out, map free drops it. */
  REFERENCED("__kptr"),
  /** {@code __kptr_untrusted}: BPF_KPTR_UNREF; a plain store, no reference, never dropped by the map. */
  UNTRUSTED("__kptr_untrusted"),
  /** {@code __percpu_kptr}: BPF_KPTR_PERCPU; holds what bpf_percpu_obj_new returned, dropped with percpu_obj_drop. */
  PERCPU("__percpu_kptr");

  private final String tag;

  KptrFlavour(String tag) {
    this.tag = tag;
  }

  /** The BTF type tag that declares it. */
  public String tag() {
    return tag;
  }

  /** Name used in scenario files: {@code referenced}, {@code untrusted}, {@code percpu}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
