package org.allocsim.scenarios.file;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RunSpec;
import org.allocsim.world.MapSpec;

/**
 * Refuses, before anything runs, a scenario whose maps would need more memory than the JVM may use: a map's slot
 * table costs a reference per 4,096 slots (max_entries × kptr fields) even when empty, and a small file can load a
 * huge map a million times. The estimate replays the timeline's loads and closes and takes the peak.
 */
final class MemoryLimit {
  /** Bytes of slot table per 4,096 slots (a reference), plus a map's fixed cost. */
  static final long BYTES_PER_CHUNK = 8;
  static final long BYTES_PER_MAP = 512;

  private MemoryLimit() {}

  static void check(List<RunSpec.TimedAction> timeline, YNode at, long available) {
    Map<String, Long> instances = new HashMap<>();
    Map<String, String> loader = new HashMap<>();
    Set<String> pins = new HashSet<>();
    long live = 0;
    long peak = 0;
    for (RunSpec.TimedAction ta : timeline) {
      long bytes = 0;
      String instance = null;
      if (ta.action() instanceof ControlAction.LoadObject a) {
        for (MapSpec m : a.spec().maps()) {
          if (m.pinPath() == null || pins.add(m.pinPath())) {
            bytes += bytes(m); // a pinned map is counted once: later loads reuse it
          }
        }
        instance = a.instance();
        loader.put(instance, a.process());
      } else if (ta.action() instanceof ControlAction.CreateMap a) {
        bytes = bytes(a.spec());
        instance = a.instance();
        loader.put(instance, a.process());
      } else if (ta.action() instanceof ControlAction.CloseObject a) {
        live -= instances.getOrDefault(a.instance(), 0L);
        instances.remove(a.instance());
      } else if (ta.action() instanceof ControlAction.ExitProcess a) {
        for (String i : List.copyOf(instances.keySet())) {
          if (a.process().equals(loader.get(i))) {
            live -= instances.remove(i);
          }
        }
      }
      if (instance != null) {
        instances.merge(instance, bytes, Long::sum);
        live += bytes;
        peak = Math.max(peak, live);
      }
    }
    if (peak > available) {
      throw at.error("the scenario's maps would need about " + size(peak) + " at once (slot tables for "
          + "max_entries × kptr fields), more than the " + size(available) + " this JVM may use; lower max_entries "
          + "or load fewer maps at a time");
    }
  }

  static long bytes(MapSpec m) {
    long slots = m.type().isMapInMap() ? m.maxEntries() : (long) m.maxEntries() * m.fields().size();
    long elements = m.modelsElements() ? m.maxEntries() : 0;
    return BYTES_PER_MAP + ((slots + 4095) / 4096 + (elements + 4095) / 4096) * BYTES_PER_CHUNK;
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }
}
