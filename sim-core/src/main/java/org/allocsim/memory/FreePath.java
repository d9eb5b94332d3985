package org.allocsim.memory;

/** How a program-side free reaches the allocator. docs/kernel-allocator.md. */
public enum FreePath {
  /** bpf_mem_free: unit_free -&gt; free_llist (2022 design, v6.4 bpf_obj_drop); reusable at once. */
  DIRECT,
  /** bpf_mem_free_rcu: unit_free_rcu -&gt; free_by_rcu (current kernel bpf_obj_drop); reusable after an RCU GP. */
  RCU
}
