package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.allocsim.world.BpfMap;
import org.allocsim.world.MapType;

/**
 * Local-storage maps (task, cgroup, inode and socket storage): a value per owner, the record's key naming the owner.
 * A program's store is {@code bpf_*_storage_get(..., BPF_LOCAL_STORAGE_GET_F_CREATE)} and an xchg; element memory
 * is not modelled. What the value's kptrs become follows {@code kernel/bpf/bpf_local_storage.c} of Linux 6.18
 * ({@code bpf_selem_free}, {@code use_kmalloc_nolock}; checked against the live 6.18 kernel's symbols):
 * <ul>
 *   <li>task and cgroup storage ({@code use_kmalloc_nolock}): a delete ({@code bpf_selem_unlink(selem, false)})
 *       unlinks the element at once and frees its fields from {@code bpf_selem_free_trace_rcu}, one RCU Tasks Trace
 *       grace period later, on the deleting CPU; the owner's death ({@code bpf_local_storage_destroy}, reuse_now)
 *       frees them from {@code bpf_selem_free_rcu}, one normal grace period later;</li>
 *   <li>inode and socket storage: {@code bpf_obj_free_fields} runs at the delete or the owner's death itself;</li>
 *   <li>map free ({@code bpf_local_storage_map_free}) waits for its callbacks ({@code rcu_barrier}) before it
 *       returns: the model's map free, one instant, releases every owner's value at once.</li>
 * </ul>
 * The newest series (bpf_selem_unlink_nofail) frees every kind's fields at once on owner death and map free and
 * after a Tasks Trace grace period on delete; the model keeps 6.18's.
 */
final class LocalStorage {
  private final Engine engine;
  /** Objects unlinked from a storage whose free callback is pending: held by the callback, not leaked. */
  private final BitSet pending = new BitSet();
  /** The callbacks not run yet, in the order they were queued. */
  private final List<Callback> callbacks = new ArrayList<>();

  /** One pending free callback: the objects it releases and where. */
  private static final class Callback {
    final BpfMap map;
    final List<int[]> taken;
    final int cpu;
    boolean done;

    Callback(BpfMap map, List<int[]> taken, int cpu) {
      this.map = map;
      this.taken = taken;
      this.cpu = cpu;
    }
  }

  LocalStorage(Engine engine) {
    this.engine = engine;
  }

  /** Whether a delete of this kind's storage frees its fields from an RCU callback (use_kmalloc_nolock). */
  static boolean deferred(MapType t) {
    return t == MapType.TASK_STORAGE || t == MapType.CGRP_STORAGE;
  }

  /** bpf_*_storage_delete (or a user-space delete or update) of owner's storage in m, on cpu. */
  void delete(BpfMap m, long owner, int cpu) {
    unlink(m, owner, cpu, deferred(m.type()) ? engine.tasksTraceDelay() : -1, "bpf_selem_free_trace_rcu");
  }

  /** The owner's death: its storage in every live map of its kind goes (bpf_local_storage_destroy). */
  void ownerFreed(String ownerKind, long owner) {
    for (BpfMap m : engine.world().maps()) {
      if (!m.isFreed() && ownerKind.equals(m.type().owner()) && owner < m.spec().maxEntries()) {
        unlink(m, owner, engine.controlCpu(), deferred(m.type()) ? engine.memory().rcuGracePeriodNs() : -1,
            "bpf_selem_free_rcu");
      }
    }
  }

  /**
   * Takes the owner's value out of m now (a later get with F_CREATE finds a new, empty storage) and releases what
   * it held after delayNs from an RCU callback on cpu, or at once when delayNs is negative.
   */
  private void unlink(BpfMap m, long owner, int cpu, long delayNs, String callback) {
    if (m.slots() == null || owner < 0 || owner >= m.spec().maxEntries()) {
      return;
    }
    List<int[]> taken = new ArrayList<>();
    for (int f = 0; f < m.fieldCount(); f++) {
      long slot = m.slot(owner, f);
      engine.kernelObjects().takeReference(m, slot); // a task_struct reference: released, nothing freed
      int obj = engine.dataPlane().elementUpdates().takeSlot(m, slot);
      if (obj >= 0) {
        taken.add(new int[] {obj, f});
      }
    }
    if (taken.isEmpty()) {
      return;
    }
    if (delayNs < 0) {
      release(m, taken, cpu);
      return;
    }
    taken.forEach(t -> pending.set(t[0]));
    Callback c = new Callback(m, taken, cpu);
    callbacks.add(c);
    String label = callback + " of " + m.name() + "[" + owner + "]";
    engine.after(delayNs, label, () -> engine.during(label, () -> run(c)));
  }

  /** Map free: bpf_local_storage_map_free's rcu_barrier() lets the map's pending callbacks run first. */
  void barrier(BpfMap m) {
    for (Callback c : List.copyOf(callbacks)) {
      if (c.map == m) {
        run(c);
      }
    }
  }

  private void run(Callback c) {
    if (!c.done) {
      c.done = true;
      callbacks.remove(c);
      release(c.map, c.taken, c.cpu);
    }
  }

  /** bpf_obj_free_fields: each kptr through the design, as any released field (LifecycleEvent.KptrDropped). */
  private void release(BpfMap m, List<int[]> taken, int cpu) {
    for (int[] t : taken) {
      pending.clear(t[0]);
      engine.dataPlane().elementUpdates().releaseTaken(m, t[0], t[1], cpu);
    }
  }

  /** For the leak audit: objects an unlinked storage still holds until its callback runs. */
  void markReachable(BitSet reachable) {
    reachable.or(pending);
  }
}
