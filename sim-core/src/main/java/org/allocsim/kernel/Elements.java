package org.allocsim.kernel;

import java.util.BitSet;
import java.util.Map;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ExecContext;
import org.allocsim.memory.FreePath;
import org.allocsim.strategy.MapAllocator;
import org.allocsim.world.BpfMap;
import org.allocsim.world.World;

/**
 * Element memory of BPF_F_NO_PREALLOC hash maps: an element is allocated from the map's element allocator when a
 * key is first written and freed when it is deleted or the map goes (htab_map_update_elem / htab_elem_free with
 * bpf_mem_cache_free). This is the map's second, hidden allocator of S13.
 */
final class Elements {
  private final Engine engine;
  private final StrategyPort strategy;
  private final World world;
  private final BitSet ownsAllocator = new BitSet();

  Elements(Engine engine, StrategyPort strategy) {
    this.engine = engine;
    this.strategy = strategy;
    this.world = engine.world();
  }

  /** Gives a new map its element allocator: the design's shared one, or its own htab->ma. */
  void attachAllocator(BpfMap m, Map<String, BpfMap> objectMaps) {
    if (!m.spec().modelsElements()) {
      return;
    }
    int a = strategy.mapAllocator(m, MapAllocator.ELEMENTS, objectMaps);
    if (a < 0) {
      // bpf_mem_alloc_init(&htab->ma, htab->elem_size, false): size!=0 adds the 8-byte llist_node.
      a = engine.createAllocator(m.name() + ".elem", m.spec().elementBytes() + 8);
      ownsAllocator.set(m.id());
    }
    world.setElementAllocator(m, a);
  }

  /**
   * Makes sure key has an element, allocating one if needed on cpu in ctx. Returns false when the allocation
   * failed (the update returns -ENOMEM and the value is not written).
   */
  boolean ensure(BpfMap m, long key, int cpu, ExecContext ctx) {
    if (m.elements() == null || m.elements().get(key) >= 0) {
      return true;
    }
    int obj = allocElement(m, cpu, ctx);
    if (obj < 0) {
      return false;
    }
    m.elements().exchange(key, obj);
    m.adjustStoredBytes(engine.objects().unitBytes(obj));
    return true;
  }

  /**
   * A program's update of key (htab_map_update_elem): a new element is allocated on cpu in ctx, then the old one, if
   * any, is freed (free_htab_elem). Returns false on -ENOMEM, the old element left as it was.
   */
  boolean replace(BpfMap m, long key, int cpu, ExecContext ctx) {
    if (m.elements() == null || m.elements().get(key) < 0) {
      return ensure(m, key, cpu, ctx);
    }
    int obj = allocElement(m, cpu, ctx);
    if (obj < 0) {
      return false;
    }
    m.adjustStoredBytes(engine.objects().unitBytes(obj));
    free(m, m.elements().exchange(key, obj), cpu);
    return true;
  }

  private int allocElement(BpfMap m, int cpu, ExecContext ctx) {
    BpfMemAlloc a = engine.allocator(m.elementAllocator());
    if (a.destroyed()) {
      engine.useAfterFree(-1, a.id(), "element allocation from destroyed allocator " + a.name());
      return -1;
    }
    return a.alloc(cpu, m.spec().elementBytes(), ctx);
  }

  /** Frees the element of key, if any (after its kptrs were dropped). */
  void delete(BpfMap m, long key, int cpu) {
    if (m.elements() == null) {
      return;
    }
    int obj = m.elements().exchange(key, -1);
    if (obj >= 0) {
      free(m, obj, cpu);
    }
  }

  /** bpf_mem_cache_free(&htab->ma, l): straight to the CPU's free list. */
  private void free(BpfMap m, int obj, int cpu) {
    m.adjustStoredBytes(-engine.objects().unitBytes(obj));
    BpfMemAlloc a = engine.allocator(engine.objects().allocator(obj));
    if (a.destroyed()) {
      engine.useAfterFree(obj, a.id(), "element freed into destroyed allocator " + a.name());
      a.writeOff(obj);
      return;
    }
    a.free(obj, cpu, FreePath.DIRECT);
  }

  /** Map free: every element goes, then the map's own element allocator. */
  void freeAll(BpfMap m, int cpu) {
    if (m.elements() == null) {
      return;
    }
    java.util.List<Long> keys = new java.util.ArrayList<>();
    m.elements().forEach((key, obj) -> keys.add(key));
    for (long key : keys) {
      delete(m, key, cpu);
    }
    if (ownsAllocator.get(m.id())) {
      engine.release(m.elementAllocator());
    }
  }
}
