package org.allocsim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** /proc/slabinfo: per cache, active objects and the bytes of its slabs. */
record SlabInfo(Map<String, long[]> caches) {

  static SlabInfo read() {
    Map<String, long[]> m = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/slabinfo"))) {
        if (line.startsWith("#") || line.startsWith("slabinfo")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        // name active_objs num_objs objsize objperslab pagesperslab : tunables ... : slabdata active num shared
        long active = Long.parseLong(f[1]);
        long objsize = Long.parseLong(f[3]);
        long pages = Long.parseLong(f[5]);
        long slabs = Long.parseLong(f[14]);
        m.put(f[0], new long[] {active, active * objsize, slabs * pages * 4096L});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/slabinfo", e);
    }
    return new SlabInfo(m);
  }

  /**
   * kmem_cache_shrink() on the kmalloc caches ({@code /sys/kernel/slab/kmalloc-* /shrink}): SLUB counts the free
   * objects of per-CPU slabs as active until they are flushed, so counts are read after a shrink.
   */
  static void shrinkKmalloc() {
    try (var dirs = Files.newDirectoryStream(Path.of("/sys/kernel/slab"), "kmalloc-*")) {
      for (Path d : dirs) {
        shrink(d.getFileName().toString());
      }
    } catch (IOException e) {
      // No SLUB sysfs: counts stay approximate.
    }
  }

  static void shrink(String cache) {
    try {
      Files.writeString(Path.of("/sys/kernel/slab", cache, "shrink"), "1");
    } catch (IOException e) {
      // Not SLUB, or the cache is an alias: counts stay approximate.
    }
  }

  /** One cache's figure: 0 active objects, 1 their bytes, 2 slab bytes; 0 for a cache that is not there. */
  long count(String cache, int figure) {
    long[] v = caches.get(cache);
    return v == null ? 0 : v[figure];
  }

  /** Active objects in all caches. */
  long activeObjects() {
    return caches.values().stream().mapToLong(v -> v[0]).sum();
  }

  /** Bytes of all slabs (pages the slab allocator holds). */
  long slabBytes() {
    return caches.values().stream().mapToLong(v -> v[2]).sum();
  }

  /** Bytes of active objects, at their cache's object size. */
  long objectBytes() {
    return caches.values().stream().mapToLong(v -> v[1]).sum();
  }

  /** The cache whose active objects grew most since {@code before}. */
  String grewMost(SlabInfo before) {
    String best = "";
    long most = Long.MIN_VALUE;
    for (Map.Entry<String, long[]> e : caches.entrySet()) {
      long[] b = before.caches.get(e.getKey());
      long d = e.getValue()[0] - (b == null ? 0 : b[0]);
      if (d > most) {
        most = d;
        best = e.getKey();
      }
    }
    return best;
  }
}
