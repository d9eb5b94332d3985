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
