package org.allocsim.kernel;

import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ObjectTable;
import org.allocsim.world.BpfMap;

/**
 * The one path by which an object goes back: a kernel object to its release kfunc, a refcounted or graph object
 * through __bpf_obj_drop_impl's side tables (only objects that have side state look there, issue 17), every other
 * object to the allocator the design names, with the oracle's checks.
 */
final class ObjectDrops {
  private final Engine engine;
  private final StrategyPort strategy;
  private final ObjectTable objects;

  ObjectDrops(Engine engine, StrategyPort strategy) {
    this.engine = engine;
    this.strategy = strategy;
    this.objects = engine.objects();
  }

  /**
   * Drops obj: asks the design where it goes (map and field: the kptr field it left; map null: a program's stack),
   * frees it there and runs the oracle's checks. The one path by which an object goes back; a kernel object
   * (bpf_cpumask) is released into the kernel's own allocator instead.
   */
  void drop(int obj, BpfMap map, int field, int cpu) {
    if (engine.kernelObjects().owns(obj)) {
      engine.kernelObjects().release(obj, cpu); // a kernel object: its own release kfunc, never the design
      return;
    }
    int header = objects.allocator(obj);
    if (engine.graph().active() && engine.graph().hasSideState(obj)) {
      // __bpf_obj_drop_impl: refcount_dec_and_test first; then bpf_obj_free_fields drains the object's own roots,
      // recursively, before the object itself goes.
      if (!engine.graph().lastReference(obj)) {
        return;
      }
      boolean percpu = engine.graph().isPercpu(obj);
      for (int node : engine.graph().drain(obj)) {
        drop(node, null, -1, cpu);
      }
      if (percpu) {
        // bpf_percpu_obj_drop frees into bpf_global_percpu_ma, the kernel's, whatever the design.
        free(obj, header, header, cpu, false);
        return;
      }
    }
    int unit = objects.unitBytes(obj);
    BpfMemAlloc own = engine.allocator(header);
    free(obj, header, own, strategy.freeTarget(obj, unit, own.ref(), map, field), cpu, true);
  }

  /**
   * Frees obj, whose header names allocator {@code own}, into allocator target (-1: the design frees nothing, and
   * the object leaks). Freeing into, or with a header naming, a destroyed allocator is a use-after-free; the object
   * is then written off to slab so that the figures stay conservative.
   */
  private void free(int obj, int own, int target, int cpu, boolean tellDesign) {
    if (target >= 0) {
      free(obj, own, engine.allocator(own), target, cpu, tellDesign);
    }
  }

  private void free(int obj, int own, BpfMemAlloc header, int target, int cpu, boolean tellDesign) {
    if (target < 0) {
      return;
    }
    BpfMemAlloc into = target == own ? header : engine.allocator(target);
    if (into.destroyed() || header.destroyed()) {
      BpfMemAlloc dead = into.destroyed() ? into : header;
      engine.useAfterFree(obj, dead.id(), "object freed into destroyed allocator " + dead.name());
      header.writeOff(obj);
      return;
    }
    if (tellDesign) {
      strategy.freed(obj, into.ref(), cpu);
    }
    if (own != target) {
      // bpf_mem_free(ma, p) frees into ma's cache whatever served p; the header keeps the owner (S19).
      into.freeForeign(obj, cpu, header);
    } else {
      into.free(obj, cpu);
    }
  }
}
