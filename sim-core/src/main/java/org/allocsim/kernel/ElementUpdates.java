package org.allocsim.kernel;

import org.allocsim.memory.ExecContext;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.world.BpfMap;
import org.allocsim.world.ElementRef;
import org.allocsim.world.Program;
import org.allocsim.world.Step;
import org.allocsim.world.StepKind;

/**
 * Whole-element updates and deletes, from a program (bpf_map_update_elem / bpf_map_delete_elem, StepKind
 * MAP_UPDATE and MAP_DELETE) or from user space, and the release of what the old value held (bpf_obj_free_fields:
 * kptrs dropped, graph roots drained), which an LRU eviction shares. The design sees each dropped kptr as a
 * {@link LifecycleEvent.KptrDropped} and answers {@code freeTarget}, as for a user-space delete; a program's update
 * frees on the program's CPU in its context (14a324f6a67e, "free referenced kptr" from htab_map_update_elem's
 * check_and_free_fields), user space on the control CPU.
 */
final class ElementUpdates {
  private final Engine engine;
  private final StrategyPort strategy;
  private final DataPlane plane;

  ElementUpdates(Engine engine, StrategyPort strategy, DataPlane plane) {
    this.engine = engine;
    this.strategy = strategy;
    this.plane = plane;
  }

  /** A MAP_UPDATE or MAP_DELETE step of program p on cpu, for the record's key. */
  void apply(Program p, Step o, int cpu, long key) {
    ElementRef e = o.element();
    BpfMap m = plane.lookups().target(e.map(), e.viaOuter(), key);
    if (m == null) {
      plane.observe(StepOutcome.LOOKUP_NULL); // a key outside the map, or no inner map in the outer slot
      return;
    }
    long k = e.viaOuter() ? org.allocsim.world.FieldRef.innerKey(key) : key;
    boolean ok = o.kind() == StepKind.MAP_DELETE ? delete(m, k, cpu) : update(m, k, cpu, p.context());
    plane.observe(ok ? StepOutcome.MAP_OK : StepOutcome.MAP_ERROR);
  }

  /**
   * bpf_map_update_elem(BPF_ANY): the old value's fields are released and the new value's kptr fields are NULL
   * (copy_map_value skips special fields). A no-prealloc hash map allocates the new element first (-ENOMEM leaves
   * the old one as it was) and frees the old one with bpf_mem_cache_free.
   */
  boolean update(BpfMap m, long key, int cpu, ExecContext ctx) {
    long element = LruHashes.applies(m) ? engine.lruHashes().update(m, key, cpu) : key;
    if (!engine.elements().replace(m, element, cpu, ctx)) {
      return false;
    }
    if (m.copies() > 1) {
      // pcpu_copy_value(onallcpus=false) and the percpu array: only this CPU's copy is written and its fields
      // freed ("bpf: Free special fields when update [lru_,]percpu_hash maps", Leon Hwang, 2025-10).
      releaseCopy(m, m.copyOf(element, cpu), cpu);
      return true;
    }
    releaseValue(m, element, key, cpu);
    return true;
  }

  /**
   * bpf_map_delete_elem: the element's fields are released and the element freed. An ARRAY map's elements cannot
   * be deleted: -EINVAL (array_map_delete_elem), and the value keeps what it holds. A missing key is -ENOENT. Returns false on -EINVAL.
   */
  boolean delete(BpfMap m, long key, int cpu) {
    if (m.type().isArray()) {
      return false;
    }
    if (m.type().isLocalStorage()) {
      engine.localStorage().delete(m, key, cpu); // bpf_{task,cgrp,inode,sk}_storage_delete
      return true;
    }
    long element = LruHashes.applies(m) ? engine.lruHashes().delete(m, key) : key;
    if (element < 0) {
      return true;
    }
    releaseValue(m, element, key, cpu);
    engine.elements().delete(m, element, cpu);
    return true;
  }

  /**
   * bpf_obj_free_fields on one value, on cpu: each kptr is taken out and dropped through the design (a kernel
   * object through its release kfunc), then the nodes of the value's roots (keyed by the map key, as graph steps
   * address them) are drained.
   */
  void releaseValue(BpfMap m, long element, long rootKey, int cpu) {
    for (int c = 0; c < m.copies(); c++) {
      // a percpu value: every possible CPU's copy (htab_map_free's for_each_possible_cpu, pcpu_copy_value onallcpus)
      releaseCopy(m, m.copyOf(element, c), cpu);
    }
    if (rootKey >= 0 && rootKey < m.spec().maxEntries()) {
      drainRoots(m, rootKey, cpu);
    }
  }

  /** bpf_obj_free_fields on one copy of a value (value index: a {@link BpfMap#copyOf} index). */
  private void releaseCopy(BpfMap m, long value, int cpu) {
    if (m.slots() != null && !m.type().isMapInMap()) {
      for (int f = 0; f < m.fieldCount(); f++) {
        long slot = m.slot(value, f);
        engine.kernelObjects().takeReference(m, slot);
        releaseSlot(m, slot, f, cpu);
      }
    }
  }

  /** Empties one kptr slot and frees its object through the design on cpu; whether it held one. */
  boolean releaseSlot(BpfMap m, long slot, int field, int cpu) {
    int obj = takeSlot(m, slot);
    if (obj < 0) {
      return false;
    }
    releaseTaken(m, obj, field, cpu);
    return true;
  }

  /** Empties one kptr slot, keeping the map's stored counts: the object it held, or -1. */
  int takeSlot(BpfMap m, long slot) {
    int obj = m.slots().exchange(slot, -1);
    if (obj >= 0) {
      m.kptrSlotChanged(engine.objects().allocator(obj), engine.objects().unitBytes(obj), -1);
    }
    return obj;
  }

  /** Frees obj, already out of its slot of field in m, through the design on cpu. */
  void releaseTaken(BpfMap m, int obj, int field, int cpu) {
    if (!engine.kernelObjects().owns(obj)) {
      strategy.on(new LifecycleEvent.KptrDropped(m, field, obj));
    }
    engine.drop(obj, m, field, cpu);
  }

  /**
   * bpf_list_head_free / bpf_rb_root_free on the roots of one value (every value when key is -1): each node goes
   * through __bpf_obj_drop_impl on cpu, which drains the nodes' own roots recursively.
   */
  void drainRoots(BpfMap m, long key, int cpu) {
    if (!engine.graph().active()) {
      return;
    }
    for (int node : engine.graph().takeAll(m, key)) {
      m.adjustStoredBytes(-engine.objects().unitBytes(node));
      engine.drop(node, null, -1, cpu);
    }
  }
}
