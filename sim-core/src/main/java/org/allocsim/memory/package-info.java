/**
 * A model of the Linux kernel's BPF memory allocator, {@code bpf_mem_alloc} (kernel/bpf/memalloc.c), for a
 * discrete-event simulator of BPF allocator-lifetime designs.
 *
 * <p>What it holds: the size classes and per-CPU watermarks of the kernel ({@link org.allocsim.memory.SizeClasses},
 * {@link org.allocsim.memory.CacheLimits}); one {@link org.allocsim.memory.Slab} per simulation run with the
 * run-wide {@link org.allocsim.memory.ObjectTable} and slab (kmalloc) traffic; and
 * {@link org.allocsim.memory.BpfMemAlloc}, one allocator instance with its per-CPU caches, the irq_work refill/trim
 * and the two RCU-delayed free stages (free_by_rcu -&gt; waiting_for_gp, then free_by_rcu_ttrace -&gt;
 * waiting_for_gp_ttrace -&gt; slab). The numbers and the algorithm are those of the current kernel as described in
 * docs/kernel-allocator.md.
 *
 * <p>Why it looks the way it does: a run may hold millions of simulated objects, so objects are slots of primitive
 * arrays (struct of arrays), and every list of a cache is a stack of object ids in an int array
 * ({@link org.allocsim.memory.ObjectLists}) in the kernel's order rather than a link in each object's header, so
 * that a grace period's batch moves as one copy, not a chain of cache misses (issue 17). The alloc and free paths
 * allocate no Java objects; irq_work and RCU callbacks are preallocated per cache, like {@code refill_work} and
 * {@code rcu_head} embedded in {@code struct bpf_mem_cache}. All simulated time comes from
 * {@link org.allocsim.memory.Timers}.
 *
 * <p>What is deliberately left out: {@code free_llist_extra} and {@code free_llist_extra_rcu} (a discrete-event model
 * has no re-entrancy, so the per-cache {@code active} counter is never busy), PREEMPT_RT, memcg accounting, percpu
 * allocators, and kmalloc failure (slab always succeeds).
 */
package org.allocsim.memory;
