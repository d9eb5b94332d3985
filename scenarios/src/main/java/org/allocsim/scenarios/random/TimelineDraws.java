package org.allocsim.scenarios.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RunSpec;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws a timeline that is valid at every step: it replays the names (instances, processes, created maps, pins)
 * as the scenario reader does, and only draws actions on things that exist at that time. Loads, reloads, closes,
 * process exits and restarts, pins and unpins, element updates and deletes, inner-map creation, insert and delete.
 */
final class TimelineDraws {
  static final long MS = 1_000_000L;
  private static final String[] PROCESSES = {"pa", "pb", "user"};

  private record Instance(String object, String process) {}

  private record Created(String process, boolean fdOpen) {}

  /** A program attached from one time to another (Long.MAX_VALUE: still attached), by instance. */
  record Attached(String program, String instance, long fromNs, long untilNs) {}

  private final UniformRandomProvider rng;
  private final Map<String, ObjectSpec> objects;
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final Map<String, Created> created = new LinkedHashMap<>();
  private final Map<String, MapSpec> pins = new LinkedHashMap<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final List<RunSpec.TimedAction> out = new ArrayList<>();
  private int nextInstance = 1;
  private int nextPin = 1;
  private long now;
  private final List<Attached> attached = new ArrayList<>();

  TimelineDraws(UniformRandomProvider rng, Map<String, ObjectSpec> objects) {
    this.rng = rng;
    this.objects = objects;
  }

  List<RunSpec.TimedAction> draw() {
    int n = 2 + rng.nextInt(9);
    long t = 0;
    for (int i = 0; i < n; i++) {
      now = t;
      ControlAction a = i == 0 ? load() : next();
      if (a != null) {
        out.add(new RunSpec.TimedAction(t, a));
      }
      t += rng.nextDouble() < 0.2 ? 0 : (1 + rng.nextInt(5)) * MS;
    }
    return out;
  }

  private ControlAction next() {
    for (int tries = 0; tries < 8; tries++) {
      ControlAction a = switch (rng.nextInt(12)) {
        case 0, 1, 2 -> load();
        case 3, 4 -> close();
        case 5 -> exit();
        case 6 -> createMap();
        case 7 -> closeFd();
        case 8 -> pinOrUnpin();
        case 9 -> element();
        default -> inner();
      };
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private ControlAction load() {
    String object = pick(new ArrayList<>(objects.keySet()));
    String instance = "i" + nextInstance++;
    String process = PROCESSES[rng.nextInt(PROCESSES.length)];
    ObjectSpec spec = objects.get(object);
    for (MapSpec m : spec.maps()) {
      if (m.pinPath() != null) {
        pins.putIfAbsent(m.pinPath(), m);
      }
    }
    instances.put(instance, new Instance(object, process));
    running.add(process);
    for (var p : spec.programs()) {
      detach(a -> a.program().equals(p.name())); // a reload takes over the attach point
      attached.add(new Attached(p.name(), instance, now, Long.MAX_VALUE));
    }
    return new ControlAction.LoadObject(process, spec, instance);
  }

  private ControlAction close() {
    List<String> loaded = new ArrayList<>(instances.keySet());
    if (loaded.isEmpty()) {
      return null;
    }
    String instance = pick(loaded);
    instances.remove(instance);
    boolean detach = rng.nextDouble() < 0.8;
    if (detach) {
      detach(a -> a.instance().equals(instance));
    }
    return new ControlAction.CloseObject(instance, detach);
  }

  private ControlAction exit() {
    if (running.isEmpty()) {
      return null;
    }
    String process = pick(new ArrayList<>(running));
    running.remove(process);
    instances.values().removeIf(i -> i.process().equals(process));
    created.values().removeIf(c -> c.process().equals(process));
    return new ControlAction.ExitProcess(process);
  }

  private ControlAction createMap() {
    boolean outers = objects.values().stream().anyMatch(o -> o.maps().stream().anyMatch(m -> m.type().isMapInMap()));
    if (instances.isEmpty() || !outers) { // a user-space map is here only to go into an outer map
      return null;
    }
    String btfOf = pick(new ArrayList<>(instances.keySet()));
    String name = "u" + nextInstance++;
    String process = PROCESSES[rng.nextInt(PROCESSES.length)];
    MapSpec spec = ObjectDraws.innerSpec(name);
    List<String> allocators = objects.get(instances.get(btfOf).object()).maps().stream()
        .filter(m -> m.type() == MapType.ALLOCATOR).map(MapSpec::name).toList();
    if (!allocators.isEmpty() && rng.nextDouble() < 0.4) {
      spec = spec.withKptrAllocator(pick(allocators));
    }
    created.put(name, new Created(process, true));
    running.add(process);
    return new ControlAction.CreateMap(process, spec, name, btfOf);
  }

  private ControlAction closeFd() {
    List<String> open = created.entrySet().stream().filter(e -> e.getValue().fdOpen()).map(Map.Entry::getKey)
        .toList();
    if (open.isEmpty()) {
      return null;
    }
    String name = pick(open);
    created.put(name, new Created(created.get(name).process(), false));
    return new ControlAction.CloseMapFd(created.get(name).process(), MapRef.of(name, name));
  }

  private ControlAction pinOrUnpin() {
    if (!pins.isEmpty() && rng.nextBoolean()) {
      String path = pick(new ArrayList<>(pins.keySet()));
      pins.remove(path);
      return new ControlAction.Unpin(path);
    }
    List<MapRef> maps = kptrMaps(false);
    if (maps.isEmpty()) {
      return null;
    }
    MapRef ref = pick(maps);
    String path = "/sys/fs/bpf/w/x" + nextPin++;
    pins.put(path, specOf(ref));
    return new ControlAction.Pin(path, ref);
  }

  private ControlAction element() {
    List<MapRef> maps = kptrMaps(true);
    if (maps.isEmpty()) {
      return null;
    }
    MapRef ref = pick(maps);
    long key = rng.nextInt(ObjectDraws.KEYS);
    return rng.nextBoolean() ? new ControlAction.UpdateElement(ref, key) : new ControlAction.DeleteElement(ref, key);
  }

  private ControlAction inner() {
    List<MapRef> outers = new ArrayList<>();
    for (Map.Entry<String, Instance> e : instances.entrySet()) {
      for (MapSpec m : objects.get(e.getValue().object()).maps()) {
        if (m.type().isMapInMap()) {
          outers.add(MapRef.of(e.getKey(), m.name()));
        }
      }
    }
    if (outers.isEmpty()) {
      return null;
    }
    MapRef outer = pick(outers);
    long slot = rng.nextInt(ObjectDraws.OUTER_SLOTS);
    List<String> open = created.entrySet().stream().filter(e -> e.getValue().fdOpen()).map(Map.Entry::getKey)
        .toList();
    if (open.isEmpty() || rng.nextDouble() < 0.3) {
      return new ControlAction.DeleteInner(outer, slot);
    }
    String inner = pick(open);
    return new ControlAction.InsertInner(outer, slot, MapRef.of(inner, inner));
  }

  /** Programs attached at some time, as drawn (a verifier may still refuse some). */
  List<Attached> attached() {
    return attached;
  }

  private void detach(java.util.function.Predicate<Attached> which) {
    for (int i = 0; i < attached.size(); i++) {
      Attached a = attached.get(i);
      if (a.untilNs() == Long.MAX_VALUE && which.test(a)) {
        attached.set(i, new Attached(a.program(), a.instance(), a.fromNs(), now));
      }
    }
  }

  /** Maps with kptr fields reachable now: instances' maps, and with pins also every pinned path. */
  private List<MapRef> kptrMaps(boolean withPins) {
    List<MapRef> refs = new ArrayList<>();
    for (Map.Entry<String, Instance> e : instances.entrySet()) {
      for (MapSpec m : objects.get(e.getValue().object()).maps()) {
        if (!m.fields().isEmpty()) {
          refs.add(MapRef.of(e.getKey(), m.name()));
        }
      }
    }
    if (withPins) {
      pins.forEach((path, spec) -> refs.add(MapRef.pinned(path)));
    }
    return refs;
  }

  private MapSpec specOf(MapRef ref) {
    return objects.get(instances.get(ref.object()).object()).map(ref.map());
  }

  private <T> T pick(List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }
}
