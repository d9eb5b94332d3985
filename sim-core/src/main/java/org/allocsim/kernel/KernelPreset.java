package org.allocsim.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named set of model parameters describing one kernel version: {@code preset: v6.4} in a scenario's
 * {@code parameters:} or {@code --preset v6.4} on the command line. The defaults are the newest preset's values;
 * a preset only states what differs from them. docs/parameters.md, "Presets".
 *
 * @param name        the kernel version it follows, e.g. {@code v6.4}
 * @param description one line: what the kernel did then
 * @param source      file and commit the values are read from
 * @param values      parameter key to value, applied before the scenario's own values
 */
public record KernelPreset(String name, String description, String source, Map<String, String> values) {

  /** The kernel as it is today (the defaults): bpf_obj_drop frees through bpf_mem_free_rcu. */
  public static final KernelPreset CURRENT = new KernelPreset("v6.7",
      "bpf_obj_drop (__bpf_obj_drop_impl) frees through bpf_mem_free_rcu, after an RCU grace period",
      "kernel/bpf/helpers.c, 649924b76ab1 \"bpf: Use bpf_mem_free_rcu when bpf_obj_dropping non-refcounted"
          + " nodes\" (v6.7; refcounted nodes since 7e26cd12ad1c, v6.6)",
      Map.of(KernelParameters.FREE_PATH.key(), "rcu"));

  /** The direct path of the 2022 series, still what bpf_obj_drop did in v6.4. */
  public static final KernelPreset V6_4 = new KernelPreset("v6.4",
      "bpf_obj_drop (__bpf_obj_drop_impl) frees through bpf_mem_free, reusable at once (the 2022 design)",
      "kernel/bpf/helpers.c at v6.4 (6995e2de6891), bpf_mem_free(&bpf_global_ma, p); memalloc.c of 7c8199e24fa0;"
          + " map_in_map.c bpf_map_fd_put_ptr, a deleted inner map put at once",
      Map.of(KernelParameters.FREE_PATH.key(), "direct", KernelParameters.INNER_MAP_FREE.key(), "direct"));

  /** Every preset, newest first. */
  public static final List<KernelPreset> ALL = List.of(CURRENT, V6_4);

  /** The key under which a scenario's {@code parameters:} names a preset. */
  public static final String KEY = "preset";

  public KernelPreset {
    values = Map.copyOf(values);
  }

  public static Optional<KernelPreset> named(String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
  }

  /** The names, for messages: "v6.7, v6.4". */
  public static String names() {
    return String.join(", ", ALL.stream().map(KernelPreset::name).toList());
  }
}
