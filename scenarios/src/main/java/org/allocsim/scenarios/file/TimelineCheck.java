package org.allocsim.scenarios.file;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;

/**
 * Replays the timeline's names before anything runs, so that an action on an instance, process, map or pin that
 * does not exist at that time fails at its line instead of halfway through a run.
 */
final class TimelineCheck {
  private final Set<String> kernelTypes;
  /** Loaded instance -> its maps by name, and the process that loaded it. */
  private final Map<String, Map<String, MapSpec>> instances = new HashMap<>();
  private final Map<String, String> loader = new HashMap<>();
  private final Map<String, ObjectSpec> instanceObject = new HashMap<>();
  private final Map<String, MapSpec> pins = new HashMap<>();
  private final Set<String> running = new HashSet<>();

  TimelineCheck(Set<String> kernelTypes) {
    this.kernelTypes = kernelTypes;
  }

  void check(List<TimelineSection.Entry> entries) {
    for (TimelineSection.Entry e : entries) {
      apply(e.action(), e.node());
    }
  }

  private void apply(ControlAction action, YNode at) {
    if (action instanceof ControlAction.LoadObject a) {
      fresh(a.instance(), at);
      Map<String, MapSpec> maps = new HashMap<>();
      for (MapSpec m : a.spec().maps()) {
        MapSpec pinned = m.pinPath() == null ? null : pins.get(m.pinPath());
        maps.put(m.name(), pinned != null ? pinned : m);
        if (m.pinPath() != null && pinned == null) {
          pins.put(m.pinPath(), m);
        }
      }
      register(a.instance(), maps, a.process(), a.spec());
    } else if (action instanceof ControlAction.CloseObject a) {
      loaded(a.instance(), at);
      forget(a.instance());
    } else if (action instanceof ControlAction.ExitProcess a) {
      if (!running.remove(a.process())) {
        throw at.error("no running process '" + a.process() + "' to exit" + Suggest.nearest(a.process(), running));
      }
      instances.keySet().removeIf(i -> a.process().equals(loader.get(i)));
    } else if (action instanceof ControlAction.CreateMap a) {
      fresh(a.instance(), at);
      if (a.btfOf() != null) {
        loaded(a.btfOf(), at);
      }
      for (KptrField f : a.spec().valueSpec().fields()) {
        ObjectSpec btfObject = a.btfOf() == null ? null : instanceObject.get(a.btfOf());
        boolean known = kernelTypes.contains(f.typeName())
            || (btfObject != null && btfObject.types().containsKey(f.typeName()));
        if (!known) {
          throw at.error("kptr field '" + f.name() + "' has type '" + f.typeName() + "', which neither vmlinux nor "
              + (a.btfOf() == null ? "a btf_of object" : "the BTF of " + a.btfOf()) + " declares");
        }
      }
      register(a.instance(), Map.of(a.instance(), a.spec()), a.process(), null);
    } else if (action instanceof ControlAction.CloseMapFd a) {
      map(a.map(), at);
      if (!running.contains(a.process())) {
        throw at.error("no running process '" + a.process() + "'" + Suggest.nearest(a.process(), running));
      }
    } else if (action instanceof ControlAction.Pin a) {
      MapSpec m = map(a.map(), at);
      if (pins.containsKey(a.path())) {
        throw at.error("pin path " + a.path() + " is already in use");
      }
      pins.put(a.path(), m);
    } else if (action instanceof ControlAction.Unpin a) {
      if (pins.remove(a.path()) == null) {
        throw at.error("nothing is pinned at " + a.path() + " at this time" + Suggest.nearest(a.path(), pins.keySet()));
      }
    } else if (action instanceof ControlAction.UpdateElement a) {
      key(map(a.map(), at), a.key(), at);
    } else if (action instanceof ControlAction.DeleteElement a) {
      key(map(a.map(), at), a.key(), at);
    } else if (action instanceof ControlAction.InsertInner a) {
      key(outer(a.outer(), at), a.key(), at);
      map(a.inner(), at);
    } else if (action instanceof ControlAction.DeleteInner a) {
      key(outer(a.outer(), at), a.key(), at);
    }
  }

  private void register(String instance, Map<String, MapSpec> maps, String process, ObjectSpec spec) {
    instances.put(instance, maps);
    loader.put(instance, process);
    if (spec != null) {
      instanceObject.put(instance, spec);
    }
    running.add(process);
  }

  private void forget(String instance) {
    instances.remove(instance);
  }

  private void fresh(String instance, YNode at) {
    if (instances.containsKey(instance)) {
      throw at.error("instance '" + instance + "' is already loaded at this time");
    }
  }

  private void loaded(String instance, YNode at) {
    if (!instances.containsKey(instance)) {
      throw at.error("no loaded instance '" + instance + "' at this time" + Suggest.nearest(instance,
          instances.keySet()));
    }
  }

  private MapSpec map(MapRef ref, YNode at) {
    if (ref.pin() != null) {
      MapSpec m = pins.get(ref.pin());
      if (m == null) {
        throw at.error("nothing is pinned at " + ref.pin() + " at this time" + Suggest.nearest(ref.pin(),
            pins.keySet()));
      }
      return m;
    }
    loaded(ref.object(), at);
    MapSpec m = instances.get(ref.object()).get(ref.map());
    if (m == null) {
      throw at.error("instance '" + ref.object() + "' has no map '" + ref.map() + "'"
          + Suggest.nearest(ref.map(), instances.get(ref.object()).keySet()));
    }
    return m;
  }

  private MapSpec outer(MapRef ref, YNode at) {
    MapSpec m = map(ref, at);
    if (!m.type().isMapInMap()) {
      throw at.error("map '" + m.name() + "' is a " + m.type().label() + " map, not array_of_maps or hash_of_maps");
    }
    return m;
  }

  private static void key(MapSpec m, long key, YNode at) {
    if (key >= m.maxEntries()) {
      throw at.error("key " + key + " is outside map '" + m.name() + "' (max_entries " + m.maxEntries() + ")");
    }
  }
}
