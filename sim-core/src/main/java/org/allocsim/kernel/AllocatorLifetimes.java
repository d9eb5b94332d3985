package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ObjectTable;
import org.allocsim.memory.Slab;
import org.allocsim.oracle.SafetyOracle;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.world.Program;

/**
 * Allocators and their reference counts. The last release calls bpf_mem_alloc_destroy(), whose precondition
 * ("caller guarantees no program uses the allocator and has already freed live objects", docs/kernel-allocator.md)
 * the oracle checks right there.
 */
final class AllocatorLifetimes {
  private final Engine engine;
  private final Slab slab;
  private final SafetyOracle oracle;
  private final List<BpfMemAlloc> allocators = new ArrayList<>();
  /** The same allocators by id, for the per-record lookups (no list bounds and cast per call). */
  private BpfMemAlloc[] byId = new BpfMemAlloc[16];
  private int[] refs = new int[16];
  private int live;

  AllocatorLifetimes(Engine engine, Slab slab, SafetyOracle oracle) {
    this.engine = engine;
    this.slab = slab;
    this.oracle = oracle;
  }

  int create(String name, int fixedUnitBytes) {
    return create(name, fixedUnitBytes, false);
  }

  int create(String name, int fixedUnitBytes, boolean percpu) {
    int id = allocators.size();
    allocators.add(slab.create(id, name, fixedUnitBytes, percpu));
    if (id == refs.length) {
      refs = Arrays.copyOf(refs, id * 2);
      byId = Arrays.copyOf(byId, id * 2);
    }
    byId[id] = allocators.get(id);
    refs[id] = 1;
    live++;
    return id;
  }

  BpfMemAlloc get(int id) {
    BpfMemAlloc a = id >= 0 && id < byId.length ? byId[id] : null;
    return a != null ? a : allocators.get(id); // an unknown id fails as the list did
  }

  List<BpfMemAlloc> all() {
    return allocators;
  }

  int references(int id) {
    return refs[id];
  }

  int liveCount() {
    return live;
  }

  void acquire(int id) {
    if (allocators.get(id).destroyed()) {
      throw new IllegalStateException("acquire of destroyed allocator " + allocators.get(id).name());
    }
    refs[id]++;
  }

  void release(int id) {
    if (refs[id] <= 0) {
      throw new IllegalStateException("release of allocator " + allocators.get(id).name() + " with no reference");
    }
    if (--refs[id] == 0) {
      destroy(id);
    }
  }

  private void destroy(int id) {
    BpfMemAlloc a = allocators.get(id);
    long now = engine.now();
    if (a.liveObjects() > 0) {
      oracle.report(now, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS, engine.currentEvent(), firstLive(id), id,
          a.name() + " destroyed with " + a.liveObjects() + " objects (" + a.liveBytes() + " bytes) outstanding");
    }
    Program running = engine.unloading().using(id);
    if (running != null) {
      oracle.report(now, ViolationKind.DESTROYED_DURING_GRACE_PERIOD, engine.currentEvent(), -1, id,
          a.name() + " destroyed while the RCU callback freeing " + running + " is in flight");
    }
    a.destroy();
    live--;
    engine.answersMayChange();
  }

  private int firstLive(int allocator) {
    ObjectTable t = slab.objects();
    for (int o = 0; o < t.capacity(); o++) {
      if (t.isLive(o) && t.allocator(o) == allocator) {
        return o;
      }
    }
    return -1;
  }
}
