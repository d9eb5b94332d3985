package org.allocsim.kernel;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.allocsim.world.BpfMap;

/**
 * BPF_MAP_TYPE_LRU_HASH: a key gets one of the map's max_entries preallocated elements; an update that finds none
 * free evicts the least recently used element, and the evicted value's kptrs are released on the updating
 * program's CPU (htab_lru_map_delete_node() frees the special fields, kernel/bpf/hashtab.c; 14a324f6a67e "the same
 * case is with LRU map's ... free referenced kptr"). Lookups and updates mark an element used. Simplification: one
 * exact LRU order per map, where the kernel keeps per-CPU lists and shrinks them in batches (bpf_lru_list.c).
 */
final class LruHashes {
  private final Engine engine;
  private final Map<Integer, Lru> byMap = new HashMap<>();
  private long evictions;

  /** One map's keys in access order and its free elements. */
  private static final class Lru {
    final LinkedHashMap<Long, Long> index = new LinkedHashMap<>(16, 0.75f, true);
    final ArrayDeque<Long> free = new ArrayDeque<>();
    long next;
  }

  LruHashes(Engine engine) {
    this.engine = engine;
  }

  static boolean applies(BpfMap m) {
    return m.type().isLru();
  }

  /** bpf_map_lookup_elem(): the element index of key, or -1 when the key has none (NULL). */
  long lookup(BpfMap m, long key) {
    Lru lru = byMap.get(m.id());
    Long i = lru == null ? null : lru.index.get(key);
    return i == null ? -1 : i;
  }

  /** An update from a program on cpu: key's element, a free one, or the least recently used one evicted. */
  long update(BpfMap m, long key, int cpu) {
    Lru lru = byMap.computeIfAbsent(m.id(), id -> new Lru());
    Long i = lru.index.get(key);
    if (i != null) {
      return i;
    }
    long element;
    if (!lru.free.isEmpty()) {
      element = lru.free.pop();
    } else if (lru.next < m.spec().maxEntries()) {
      element = lru.next++;
    } else {
      Iterator<Map.Entry<Long, Long>> oldest = lru.index.entrySet().iterator();
      Map.Entry<Long, Long> victim = oldest.next();
      element = victim.getValue();
      long victimKey = victim.getKey();
      oldest.remove();
      evict(m, victimKey, element, cpu);
    }
    lru.index.put(key, element);
    return element;
  }

  /** A delete (user space or program): the element of key goes back to the free list; its index, or -1. */
  long delete(BpfMap m, long key) {
    Lru lru = byMap.get(m.id());
    Long i = lru == null ? null : lru.index.remove(key);
    if (i == null) {
      return -1;
    }
    lru.free.push(i);
    return i;
  }

  /** Elements evicted so far, every map. */
  long evictions() {
    return evictions;
  }

  private void evict(BpfMap m, long key, long element, int cpu) {
    evictions++;
    engine.during("LRU eviction in " + m.name() + " on cpu " + cpu,
        () -> engine.dataPlane().elementUpdates().releaseValue(m, element, key, cpu));
  }
}
