package org.allocsim.kernel;

import org.allocsim.world.BpfMap;
import org.allocsim.world.FieldRef;

/**
 * bpf_map_lookup_elem as a program's step sees it: the map that holds a key's value (the named map, or the inner
 * map an outer map's slot holds), and the element of the key there (an LRU map's element, a percpu map's copy for
 * the CPU). A {@link StepPlan} skips both for a direct map, where the key is the element.
 */
final class ValueLookups {
  private final Engine engine;

  ValueLookups(Engine engine) {
    this.engine = engine;
  }

  /** The map that holds key's value: named, or the inner map in an outer map's slot; null when the lookup is NULL. */
  BpfMap target(BpfMap named, boolean viaOuter, long key) {
    BpfMap m = named;
    long k = key;
    if (viaOuter) {
      long outerIndex = FieldRef.outerIndex(key);
      if (outerIndex >= m.spec().maxEntries()) {
        return null;
      }
      int inner = m.slots().get(outerIndex);
      if (inner < 0) {
        return null;
      }
      m = engine.world().maps().get(inner);
      k = FieldRef.innerKey(key);
    }
    return k < m.spec().maxEntries() || LruHashes.applies(m) ? m : null; // an LRU map takes any key
  }

  /** The element index of a key: the key itself, or an LRU map's element for it (-1: no element, NULL). */
  long element(BpfMap m, long key, boolean update, int cpu) {
    if (!LruHashes.applies(m)) {
      return m.copyOf(key, cpu); // a percpu map: the copy of this CPU (bpf_map_lookup_elem's this_cpu_ptr)
    }
    long e = update ? engine.lruHashes().update(m, key, cpu) : engine.lruHashes().lookup(m, key);
    return e < 0 ? e : m.copyOf(e, cpu);
  }

  /** The key within the map that holds the value: an outer map's record key carries the inner key in its low bits. */
  static long valueKey(FieldRef f, long key) {
    return f.viaOuter() ? FieldRef.innerKey(key) : key;
  }
}
