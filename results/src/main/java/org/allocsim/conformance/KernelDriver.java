package org.allocsim.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RunSpec;
import org.allocsim.world.MapSpec;

/**
 * Plays a scenario's timeline on the live kernel. File descriptors are pins in the run's private bpffs folder: an
 * instance's programs and maps under {@code i/<instance>/} (its loader's fds), the attached program of each attach
 * point under {@code a/<program>}, the scenario's pins under {@code pin/}. Closing is unpinning, so the kernel
 * frees what no pin, program or outer map holds, as it would at close(2) and exit.
 */
final class KernelDriver {
  private final Bpffs fs;
  private final KernelLoads loads;
  private final KernelPins pins;
  private final KernelMaps maps;
  private final EventKeys keys = new EventKeys();
  private final Map<String, KernelLoads.Instance> open = new LinkedHashMap<>();
  private final List<KernelLoads.Instance> all = new ArrayList<>();
  private final Map<String, String> attached = new HashMap<>();
  private final Map<String, String> events;

  private final Map<org.allocsim.world.ObjectSpec, String> objectNames;

  KernelDriver(Bpffs fs, Compiler compiler, Census census, Path logs, Map<String, String> events,
      Map<org.allocsim.world.ObjectSpec, String> objectNames) {
    this.objectNames = objectNames;
    this.fs = fs;
    this.pins = new KernelPins(fs);
    this.loads = new KernelLoads(fs, compiler, logs, pins);
    this.maps = new KernelMaps(fs, census, events);
    this.events = events;
  }

  KernelMaps maps() {
    return maps;
  }

  List<KernelLoads.Instance> instances() {
    return all;
  }

  /** The pin of the program now attached at this attach point, or null when none is. */
  Path attachedPin(String program) {
    return attached.containsKey(program) ? fs.root().resolve("a").resolve(program) : null;
  }

  void apply(RunSpec.TimedAction ta) {
    ControlAction action = ta.action();
    if (action instanceof ControlAction.LoadObject a) {
      load(a);
    } else if (action instanceof ControlAction.CloseObject a) {
      close(a.instance(), a.detach());
    } else if (action instanceof ControlAction.ExitProcess a) {
      for (KernelLoads.Instance i : List.copyOf(open.values())) {
        if (i.process().equals(a.process())) {
          close(i.name(), false);
        }
      }
    } else if (action instanceof ControlAction.Pin a) {
      pins.pin(path(a.map()), a.path());
    } else if (action instanceof ControlAction.Unpin a) {
      Bpffs.remove(pins.path(a.path()));
    } else if (action instanceof ControlAction.UpdateElement a) {
      userOp("update", a.map(), a.key(), true);
    } else if (action instanceof ControlAction.DeleteElement a) {
      userOp("delete", a.map(), a.key(), false);
    } else if (action instanceof ControlAction.InsertInner a) {
      Path inner = path(a.inner());
      List<String> cmd = new ArrayList<>(List.of("map", "update", "pinned", path(a.outer()).toString(), "key"));
      cmd.addAll(KernelMaps.keyBytes(a.key()));
      cmd.addAll(List.of("value", "pinned", inner.toString()));
      Shell.Result r = fs.tool(cmd);
      String innerName = a.inner().map() != null ? a.inner().map() : maps.spec(fs.mapId(inner)).name();
      String key = EventKeys.insert(innerName, maps.label(fs.mapId(path(a.outer()))), a.key());
      events.put(key, r.ok() ? "accepted" : "refused: " + VerifierLog.errno(r.output()));
    } else if (action instanceof ControlAction.DeleteInner a) {
      List<String> cmd = new ArrayList<>(List.of("map", "delete", "pinned", path(a.outer()).toString(), "key"));
      cmd.addAll(KernelMaps.keyBytes(a.key()));
      fs.tool(cmd);
    } else if (action instanceof ControlAction.CloseMapFd a) {
      closeMapFd(a);
    } else {
      throw new IllegalArgumentException(action.describe() + " has no kernel translation");
    }
  }

  private void load(ControlAction.LoadObject a) {
    List<KernelLoads.Verdict> verdicts = new ArrayList<>();
    KernelLoads.Instance i = loads.load(a, objectNames.getOrDefault(a.spec(),
        a.spec().name().replaceAll("[^A-Za-z0-9_]", "_")), verdicts);
    for (KernelLoads.Verdict v : verdicts) {
      events.put(EventKeys.load(a.instance(), v.program()), v.accepted() ? "accepted" : "refused: " + v.message());
    }
    if (i == null) {
      return;
    }
    open.put(i.name(), i);
    all.add(i);
    maps.loaded(i, a.spec());
    Path counters = KernelLoads.globalData(i);
    if (counters != null) {
      Path keep = fs.root().resolve("cnt").resolve(i.name());
      Bpffs.mkdirs(keep.getParent());
      fs.tool("map", "pin", "pinned", counters.toString(), keep.toString());
    }
    for (String p : i.programs()) {
      Path at = fs.root().resolve("a").resolve(p);
      Bpffs.mkdirs(at.getParent());
      Bpffs.remove(at);
      fs.tool("prog", "pin", "pinned", i.dir().resolve("p").resolve(p).toString(), at.toString());
      attached.put(p, i.name());
    }
  }

  private void close(String instance, boolean detach) {
    KernelLoads.Instance i = open.remove(instance);
    if (i == null) {
      return;
    }
    Bpffs.remove(i.dir());
    if (detach) {
      for (String p : i.programs()) {
        if (instance.equals(attached.get(p))) {
          attached.remove(p);
          Bpffs.remove(fs.root().resolve("a").resolve(p));
        }
      }
    }
  }

  private void closeMapFd(ControlAction.CloseMapFd a) {
    Path p = path(a.map());
    int id = fs.mapId(p);
    for (KernelLoads.Instance i : open.values()) {
      if (i.process().equals(a.process())) {
        for (Map.Entry<String, Integer> e : i.maps().entrySet()) {
          if (e.getValue() == id) {
            Bpffs.remove(i.dir().resolve("m").resolve(e.getKey()));
            return;
          }
        }
      }
    }
  }

  private void userOp(String verb, MapRef ref, long key, boolean update) {
    Path p = path(ref);
    int id = fs.mapId(p);
    MapSpec spec = maps.spec(id);
    List<String> cmd = new ArrayList<>(List.of("map", verb, "pinned", p.toString(), "key"));
    cmd.addAll(KernelMaps.keyBytes(key));
    if (update) {
      cmd.add("value");
      cmd.addAll(KernelMaps.zeroValue(spec));
    }
    Shell.Result r = fs.tool(cmd);
    events.put(keys.userOp(verb + " " + maps.label(id) + "[" + key + "]"),
        r.ok() ? "ok" : VerifierLog.errno(r.output()));
  }

  /** The pin through which a map reference reaches its map now. */
  Path path(MapRef ref) {
    if (ref.pin() != null) {
      return pins.path(ref.pin());
    }
    KernelLoads.Instance i = open.get(ref.object());
    Path base = i != null ? i.dir() : fs.root().resolve("i").resolve(ref.object());
    return base.resolve("m").resolve(ref.map());
  }

  Set<String> openInstances() {
    return open.keySet();
  }
}
