package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.MapAllocator;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Holder;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.Program;
import org.allocsim.world.SlotArray;
import org.allocsim.world.World;

/**
 * The kernel's own lifetimes, common to every design: maps die with their last holder, programs are freed a grace
 * period after their last holder (bpf_prog_put -> call_rcu), BTF objects with the last map or program carrying them.
 */
final class Lifetimes {
  private final Engine engine;
  private final World world;
  private final AllocatorLifetimes allocators;
  private final StrategyPort strategy;
  /** kernel.inner_map_free=deferred: an inner map a slot delete or replacement released waits before its free. */
  private final boolean deferInnerFree;
  /** Inner maps whose free waits, by map id: the grace period bpf_map_fd_put_ptr(need_defer) set on them. */
  private final Map<Integer, Long> innerFreeDelays = new HashMap<>();

  Lifetimes(Engine engine, AllocatorLifetimes allocators, StrategyPort strategy) {
    this.engine = engine;
    this.world = engine.world();
    this.allocators = allocators;
    this.strategy = strategy;
    this.deferInnerFree = KernelParameters.deferInnerMapFree(engine.parameters());
  }

  BpfMap newMap(MapSpec spec, BtfObject btf) {
    BpfMap m;
    try {
      m = world.newMap(spec, btf);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(e.getMessage());
    }
    btf.get();
    if (spec.type() == MapType.ALLOCATOR) {
      // The allocator map holds a reference on its allocator (Delyan 08-25, S2); a design may alias it.
      int a = strategy.mapAllocator(m, MapAllocator.ALLOCATOR_MAP, java.util.Map.of(spec.name(), m));
      world.setMapAllocator(m, a >= 0 ? a : allocators.create(spec.name() + "@" + btf.name(),
          spec.allocatorUnitBytes()));
    }
    return m;
  }

  void releaseMap(BpfMap m, Holder kind) {
    if (m.holders().release(kind)) {
      Long delay = innerFreeDelays.remove(m.id());
      if (delay == null) {
        freeMap(m);
      } else {
        // bpf_map_put: free_after_{mult_,}rcu_gp -> call_rcu{_tasks_trace} before bpf_map_free_in_work
        engine.after(delay, "free " + m + " after its grace period", () -> freeMap(m));
      }
    }
  }

  /** bpf_map_free_deferred(): drop every kptr through the design, then the map's own references. */
  private void freeMap(BpfMap m) {
    engine.during("map free " + m.name() + "#" + m.id(), () -> dropAndFree(m));
  }

  private void dropAndFree(BpfMap m) {
    engine.localStorage().barrier(m);
    SlotArray slots = m.slots();
    if (m.type().isMapInMap()) {
      for (long[] e : entries(slots)) {
        deleteInner(m, e[0], false); // 79d93b3c6ffd: need_defer is false when the outer map itself is freed
      }
    }
    long dropped = 0;
    if (!m.type().isMapInMap() && slots != null) {
      int fields = m.fieldCount();
      for (long[] e : entries(slots)) {
        dropped += engine.dataPlane().elementUpdates().releaseSlot(m, e[0], (int) (e[0] % fields), engine.controlCpu())
            ? 1 : 0;
      }
    }
    if (engine.observations() != null && m.holdsKptrs()) {
      engine.observations().mapFreed(engine.now(), Observations.instanceOf(m.btf().name()) + "." + m.name(),
          dropped);
    }
    engine.dataPlane().elementUpdates().drainRoots(m, -1, engine.controlCpu());
    engine.elements().freeAll(m, engine.controlCpu());
    strategy.on(new LifecycleEvent.MapFreed(m));
    if (m.allocator() >= 0) {
      allocators.release(m.allocator());
    }
    world.markFreed(m);
    engine.kernelObjects().releaseAll(m);
    putBtf(m.btf());
  }

  private static List<long[]> entries(SlotArray slots) {
    List<long[]> out = new ArrayList<>();
    slots.forEach((index, id) -> out.add(new long[] {index, id}));
    return out;
  }

  /**
   * User-space update (overwrite) or delete of an element: the old value's kptrs are dropped
   * (bpf_obj_free_fields); an update of a missing no-prealloc element allocates it, a delete frees it. A delete
   * on an ARRAY map fails with -EINVAL (array_map_delete_elem) and keeps the element and its kptrs until an update
   * or the map's free: checked on Linux 6.18.
   */
  void dropElement(BpfMap m, long key, boolean delete) {
    if (key < 0 || key >= m.spec().maxEntries()) {
      throw new ScenarioException("key " + key + " is outside " + m.name() + " (max_entries "
          + m.spec().maxEntries() + ")");
    }
    String action = (delete ? "delete " : "update ") + Observations.instanceOf(m.btf().name()) + "." + m.name()
        + "[" + key + "]";
    if (delete && m.type().isArray()) {
      userOp(action, "EINVAL");
      return;
    }
    userOp(action, "ok");
    if (m.type().isLocalStorage()) {
      // the key names an owner (a pidfd, a cgroup fd, a socket fd): its old storage is unlinked and freed, an
      // update's new storage starts with NULL kptr fields (bpf_local_storage_update frees the old selem)
      engine.localStorage().delete(m, key, engine.controlCpu());
      return;
    }
    if (m.type().isMapInMap()) {
      deleteInner(m, key, true);
      return;
    }
    long element = key;
    if (LruHashes.applies(m)) {
      // user space names keys; an LRU map's values live in the element the key got (none: nothing to drop)
      element = delete ? engine.lruHashes().delete(m, key) : engine.lruHashes().update(m, key, engine.controlCpu());
      if (element < 0) {
        return;
      }
    }
    engine.dataPlane().elementUpdates().releaseValue(m, element, key, engine.controlCpu());
    if (delete) {
      engine.elements().delete(m, element, engine.controlCpu());
    } else {
      engine.elements().ensure(m, element, engine.controlCpu(), org.allocsim.memory.ExecContext.TASK);
    }
  }

  private void userOp(String action, String result) {
    if (engine.observations() != null) {
      engine.observations().userOp(engine.now(), action, result);
    }
  }

  void insertInner(BpfMap outer, long key, BpfMap inner) {
    inner.holders().hold(Holder.OUTER_MAP);
    int old = outer.slots().exchange(key, inner.id());
    strategy.on(new LifecycleEvent.InnerMapInserted(outer, key, inner));
    if (old >= 0) {
      BpfMap previous = world.maps().get(old);
      strategy.on(new LifecycleEvent.InnerMapDeleted(outer, key, previous));
      putInner(outer, previous, true);
    }
  }

  /** Empties an outer map's slot; needDefer when a delete or update does it, not the outer map's own free. */
  void deleteInner(BpfMap outer, long key, boolean needDefer) {
    int old = outer.slots().exchange(key, -1);
    if (old >= 0) {
      BpfMap inner = world.maps().get(old);
      strategy.on(new LifecycleEvent.InnerMapDeleted(outer, key, inner));
      putInner(outer, inner, needDefer);
    }
  }

  /**
   * bpf_map_fd_put_ptr: a program may still run on the inner map it looked up, so since 876673364161 ("bpf: Defer
   * the free of inner map when necessary", v6.8) a deleted or replaced inner map is freed, when its last reference
   * goes, after an RCU grace period, or an RCU tasks trace one when a sleepable program uses the outer map
   * (af66bfd3c853, sleepable_refcnt). The flag stays with the map: a later last close waits too.
   */
  private void putInner(BpfMap outer, BpfMap inner, boolean needDefer) {
    if (needDefer && deferInnerFree) {
      innerFreeDelays.merge(inner.id(), usedBySleepable(outer) ? engine.tasksTraceDelay()
          : engine.memory().rcuGracePeriodNs(), Math::max);
    }
    releaseMap(inner, Holder.OUTER_MAP);
  }

  /** map->sleepable_refcnt: a sleepable program not yet freed holds the map in its used_maps. */
  private boolean usedBySleepable(BpfMap m) {
    for (Program p : world.programs()) {
      if (p.spec().sleepable() && p.state() != Program.State.UNLOADED && p.state() != Program.State.REJECTED
          && p.usedMaps().contains(m)) {
        return true;
      }
    }
    return false;
  }

  void releaseProgram(Program p, Holder kind) {
    if (p.holders().release(kind)) {
      unload(p);
    }
  }

  private void unload(Program p) {
    world.detach(p);
    world.setState(p, Program.State.UNLOADING);
    engine.unloading().unloading(p);
    strategy.on(new LifecycleEvent.Unloaded(p));
    // bpf_prog_put: sleepable programs wait for RCU tasks trace, others for RCU, before bpf_free_used_maps().
    long delay = p.spec().sleepable() ? engine.tasksTraceDelay() : engine.memory().rcuGracePeriodNs();
    engine.after(delay, "free " + p, () -> freeProgram(p));
  }

  private void freeProgram(Program p) {
    engine.during("free " + p, () -> {
      for (int cpu = 0; cpu < p.heldSlots(); cpu++) {
        int obj = p.held(cpu);
        if (obj >= 0) {
          // A run cannot end holding a reference (check_reference_leak): it released the object before exiting.
          p.setHeld(cpu, -1);
          engine.drop(obj, null, -1, cpu);
        }
      }
      world.setState(p, Program.State.UNLOADED);
      engine.unloading().freed(p);
      for (BpfMap m : p.usedMaps()) {
        releaseMap(m, Holder.PROGRAM);
      }
      strategy.on(new LifecycleEvent.ProgramFreed(p));
      putBtf(p.btf());
    });
  }

  void putBtf(BtfObject btf) {
    if (btf.put()) {
      strategy.on(new LifecycleEvent.BtfFreed(btf));
    }
  }
}
