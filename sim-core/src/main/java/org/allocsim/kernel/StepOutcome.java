package org.allocsim.kernel;

/**
 * What a program step met, counted per step by {@link Observations}: the same counters the kernel conformance
 * check's generated programs keep in their global data, so the model and the kernel can be compared step by step.
 */
public enum StepOutcome {
  /** bpf_obj_new returned an object. */
  ALLOCATED,
  /** bpf_obj_new returned NULL (an empty per-CPU cache in NMI, or no allocator). */
  ALLOC_NULL,
  /** bpf_map_lookup_elem returned NULL (key outside the map, or no inner map in the outer slot). */
  LOOKUP_NULL,
  /** kptr_xchg(&from, NULL) returned an object. */
  TAKEN,
  /** kptr_xchg(&from, NULL) returned NULL. */
  EMPTY,
  /** kptr_xchg(&to, p) returned an old object, which the step dropped. */
  REPLACED,
  /** bpf_map_update_elem returned 0, or bpf_map_delete_elem left no element behind (0, or -ENOENT: none was there). */
  MAP_OK,
  /** bpf_map_update_elem or bpf_map_delete_elem failed: -EINVAL (a delete on an ARRAY map) or -ENOMEM. */
  MAP_ERROR;

  /** Name in conformance outputs and in the generated C, e.g. {@code alloc_null}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
