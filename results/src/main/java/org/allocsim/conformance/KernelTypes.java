package org.allocsim.conformance;

import java.util.Map;

/**
 * vmlinux structs a generated program can hold as kernel kptrs, with the kfunc that releases a reference to one.
 * A kernel type not listed here cannot be translated: its old value could not be released.
 */
final class KernelTypes {
  private static final Map<String, String> RELEASE = Map.of(
      "bpf_cpumask", "bpf_cpumask_release",
      "task_struct", "bpf_task_release",
      "cgroup", "bpf_cgroup_release");

  /** Kernel types a program can create a new object of, with the kfunc's declaration (bpf_cpumask.c). */
  private static final Map<String, String> CREATE = Map.of(
      "bpf_cpumask", "extern struct bpf_cpumask *bpf_cpumask_create(void) __ksym;");

  private KernelTypes() {}

  /** The C declaration of the kfunc creating a kernel object of this type, or null. */
  static String createDeclaration(String type) {
    return CREATE.get(type);
  }

  static boolean known(String type) {
    return RELEASE.containsKey(type);
  }

  /** The release kfunc of a kernel type, e.g. {@code bpf_cpumask_release}. */
  static String release(String type) {
    return RELEASE.get(type);
  }
}
