package org.allocsim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;

/**
 * The kernel's maps as the run knows them: each id's label ({@code instance.map} of the load that created it) and
 * spec; the check that every field meant as a kptr is one in the loaded map's BTF; the census of maps before each
 * action and which map ids went away after it.
 */
final class KernelMaps {
  private final Bpffs fs;
  private final Census census;
  private final Map<String, String> events;
  private final Map<Integer, String> labels = new LinkedHashMap<>();
  private final Map<Integer, MapSpec> specs = new HashMap<>();
  private final Map<Integer, Long> lastCount = new HashMap<>();
  private final Set<Integer> freed = new java.util.HashSet<>();

  KernelMaps(Bpffs fs, Census census, Map<String, String> events) {
    this.fs = fs;
    this.census = census;
    this.events = events;
  }

  String label(int id) {
    return labels.getOrDefault(id, "map#" + id);
  }

  MapSpec spec(int id) {
    return specs.get(id);
  }

  /** Registers the maps an instance created and checks their kptr fields in the kernel's BTF. */
  void loaded(KernelLoads.Instance i, ObjectSpec object) {
    for (Map.Entry<String, Integer> e : i.maps().entrySet()) {
      if (labels.containsKey(e.getValue()) || e.getValue() < 0) {
        continue;
      }
      MapSpec spec = object.map(e.getKey());
      String label = i.name() + "." + e.getKey();
      labels.put(e.getValue(), label);
      specs.put(e.getValue(), spec);
      if (!spec.type().isMapInMap() && !spec.fields().isEmpty()) {
        events.put(EventKeys.kptrFields(label), String.join(",", kptrs(e.getValue(), spec)));
      }
    }
  }

  private List<String> kptrs(int id, MapSpec spec) {
    JsonNode m = fs.json("map", "show", "id", Integer.toString(id));
    int btf = m == null ? -1 : m.path("btf_id").asInt(-1);
    if (btf < 0) {
      return List.of();
    }
    Shell.Result dump = fs.tool("btf", "dump", "id", Integer.toString(btf));
    return BtfKptrs.of(dump.output(), CSource.valueStruct(spec));
  }

  /** Counts the objects of every live kptr map among the labels the model frees at some point. */
  void takeCensus(Set<String> watched) {
    for (Map.Entry<Integer, String> e : labels.entrySet()) {
      MapSpec spec = specs.get(e.getKey());
      if (watched.contains(e.getValue()) && !freed.contains(e.getKey()) && !spec.type().isMapInMap()
          && !spec.fields().isEmpty()) {
        long n = census.count(e.getKey(), spec);
        if (n >= 0) {
          lastCount.put(e.getKey(), n);
        }
      }
    }
  }

  /**
   * Waits up to {@code waitMs} for the maps the model frees now ({@code expected}) to go (frees wait for a program's
   * RCU grace period), then records every known kptr map whose id is gone.
   */
  void settle(Set<String> expected, long waitMs) {
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    Set<Integer> alive;
    while (true) {
      alive = fs.mapIds();
      boolean pending = false;
      for (Map.Entry<Integer, String> e : labels.entrySet()) {
        pending |= expected.contains(e.getValue()) && alive.contains(e.getKey());
      }
      if (!pending || System.nanoTime() > deadline) {
        break;
      }
      sleep(20);
    }
    for (Map.Entry<Integer, String> e : labels.entrySet()) {
      MapSpec spec = specs.get(e.getKey());
      if (!alive.contains(e.getKey()) && freed.add(e.getKey()) && !spec.type().isMapInMap()
          && !spec.fields().isEmpty()) {
        Long n = lastCount.get(e.getKey());
        events.put(EventKeys.mapFree(e.getValue()), n == null ? "freed, not counted" : "dropped " + n);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A 4-byte little-endian key as bpftool's byte list. */
  static List<String> keyBytes(long key) {
    List<String> out = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      out.add(Long.toString((key >>> (8 * b)) & 0xff));
    }
    return out;
  }

  /** An all-zero value: every kptr field NULL (user space cannot write a kptr; the update drops the old ones). */
  static List<String> zeroValue(MapSpec spec) {
    // a percpu map too: bpftool writes the one value it is given into every CPU's copy (fill_per_cpu_value)
    return Collections.nCopies(8 * Math.max(1, spec.valueSpec().fields().size()), "0");
  }
}
