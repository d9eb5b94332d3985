package org.allocsim.kernel;

import java.util.List;
import org.allocsim.memory.FreePath;
import org.allocsim.memory.MemoryParams;
import org.allocsim.params.ParameterSpec;
import org.allocsim.params.Parameters;

/** The model's parameters with defaults and sources (README, "Parameters"). */
public final class KernelParameters {
  public static final ParameterSpec CPUS = new ParameterSpec("cpus", "4", "count",
      "possible CPUs; every allocator has one cache per CPU and size class", "chosen").range(1, 4096);
  public static final ParameterSpec IRQ_WORK_LATENCY = new ParameterSpec("irq_work.latency_ns", "2000", "ns",
      "delay from irq_work_raise() to bpf_mem_refill() when the program cannot be interrupted (NMI, hard IRQ)",
      "unknown: chosen; task/softirq refills at once (docs/kernel-allocator.md, S23)");
  public static final ParameterSpec RCU_GP = new ParameterSpec("rcu.grace_period_ns", "10000000", "ns",
      "normal RCU grace-period latency (call_rcu/call_rcu_hurry), also delays program frees",
      "unknown: no source found (docs/kernel-allocator.md)");
  public static final ParameterSpec TASKS_TRACE_GP = new ParameterSpec("rcu.tasks_trace_grace_period_ns",
      "25000000", "ns", "RCU tasks trace grace-period latency", "S40: Paul McKenney 4fe192dfbe5b, ~25 ms");
  public static final ParameterSpec TASKS_TRACE_IMPLIES_RCU = new ParameterSpec("rcu.tasks_trace_implies_rcu",
      "true", "bool", "rcu_trace_implies_rcu_gp(): the second stage skips the extra call_rcu",
      "S27a: 2023b memalloc.c");
  public static final ParameterSpec FREE_PATH = new ParameterSpec("memory.free_path", "rcu", "direct|rcu",
      "program-side free (bpf_obj_drop): bpf_mem_free_rcu, after a grace period (v6.7 on), or unit_free straight to"
          + " free_llist (2022 design, v6.4: --preset v6.4)",
      "S28, S41: helpers.c __bpf_obj_drop_impl, 649924b76ab1");
  public static final ParameterSpec INNER_MAP_FREE = new ParameterSpec("kernel.inner_map_free", "deferred",
      "deferred|direct", "an inner map that a delete or replacement of its outer map's slot released is freed after"
          + " an RCU grace period (tasks trace when a sleepable program uses the outer map; v6.8 on), or at once"
          + " (v6.4: --preset v6.4)",
      "kernel/bpf/map_in_map.c bpf_map_fd_put_ptr, 876673364161, af66bfd3c853");
  public static final ParameterSpec WARM_CACHE = new ParameterSpec("warmth.cache_bytes", "1048576", "bytes",
      "allocation traffic on a CPU after which a freed object is no longer cache-warm",
      "unknown: chosen as a per-core L2").range(0, (1L << 47) - 1); // the object table's traffic window
  public static final ParameterSpec CACHE_STRUCT = new ParameterSpec("allocator.cache_struct_bytes", "192",
      "bytes", "idle overhead of one struct bpf_mem_cache (per CPU, per size class)",
      "inferred from the struct layout (about three cache lines)").range(0, 1 << 20); // int; x CPUs x classes
  public static final ParameterSpec SAMPLE_INTERVAL = new ParameterSpec("metrics.sample_interval_ns",
      "1000000000", "ns", "metric sampling grid (samples are also taken after every control event)", "chosen")
      .range(1, Long.MAX_VALUE);
  public static final ParameterSpec CONTROL_CPU = new ParameterSpec("kernel.control_cpu", "0", "cpu",
      "CPU on which user-space syscalls and map frees run", "chosen").range(0, 4095); // and below cpus

  public static final List<ParameterSpec> ALL = List.of(CPUS, IRQ_WORK_LATENCY, RCU_GP, TASKS_TRACE_GP,
      TASKS_TRACE_IMPLIES_RCU, FREE_PATH, INNER_MAP_FREE, WARM_CACHE, CACHE_STRUCT, SAMPLE_INTERVAL, CONTROL_CPU);

  private KernelParameters() {}

  /** Whether a deleted or replaced inner map's free waits for a grace period (kernel.inner_map_free). */
  public static boolean deferInnerMapFree(Parameters p) {
    String v = p.text(INNER_MAP_FREE);
    return switch (v) {
      case "deferred" -> true;
      case "direct" -> false;
      default -> throw new IllegalArgumentException("parameter " + INNER_MAP_FREE.key()
          + ": expected deferred or direct, got '" + v + "'");
    };
  }

  /** The allocator model's parameters from the run's values. */
  public static MemoryParams memory(Parameters p) {
    String path = p.text(FREE_PATH);
    FreePath freePath = switch (path) {
      case "direct" -> FreePath.DIRECT;
      case "rcu" -> FreePath.RCU;
      default -> throw new IllegalArgumentException("parameter " + FREE_PATH.key()
          + ": expected direct or rcu, got '" + path + "'");
    };
    int cpus = p.getInt(CPUS);
    if (cpus < 1 || cpus > 4096) {
      throw new IllegalArgumentException("parameter cpus: expected 1..4096, got " + cpus);
    }
    return new MemoryParams(cpus, nonNegative(p, IRQ_WORK_LATENCY), nonNegative(p, RCU_GP),
        nonNegative(p, TASKS_TRACE_GP), p.getBoolean(TASKS_TRACE_IMPLIES_RCU), freePath,
        nonNegative(p, WARM_CACHE), (int) nonNegative(p, CACHE_STRUCT));
  }

  static long nonNegative(Parameters p, ParameterSpec spec) {
    long v = p.getLong(spec);
    if (v < 0) {
      throw new IllegalArgumentException("parameter " + spec.key() + ": expected a value >= 0, got " + v);
    }
    return v;
  }
}
