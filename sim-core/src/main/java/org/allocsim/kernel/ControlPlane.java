package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.Verification;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Holder;
import org.allocsim.world.LoadedObject;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.Process;
import org.allocsim.world.Program;
import org.allocsim.world.ProgramLinker;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.World;

/** Applies timeline actions: the syscalls of user space. Reference counting of maps and programs lives here. */
final class ControlPlane {
  private final Engine engine;
  private final World world;
  private final ProgramLinker linker;
  private final Lifetimes lifetimes;
  private final StrategyPort strategy;

  ControlPlane(Engine engine, Lifetimes lifetimes, StrategyPort strategy) {
    this.strategy = strategy;
    this.engine = engine;
    this.world = engine.world();
    this.linker = new ProgramLinker(world);
    this.lifetimes = lifetimes;
  }

  void apply(ControlAction action) {
    if (action instanceof ControlAction.LoadObject a) {
      load(a);
    } else if (action instanceof ControlAction.CloseObject a) {
      close(object(a.instance()), a.detach());
    } else if (action instanceof ControlAction.ExitProcess a) {
      exit(a.process());
    } else if (action instanceof ControlAction.CreateMap a) {
      createMap(a);
    } else if (action instanceof ControlAction.CloseMapFd a) {
      closeMapFd(a);
    } else if (action instanceof ControlAction.Pin a) {
      pin(a.path(), map(a.map()));
    } else if (action instanceof ControlAction.Unpin a) {
      unpin(a.path());
    } else if (action instanceof ControlAction.UpdateElement a) {
      lifetimes.dropElement(map(a.map()), a.key(), false);
    } else if (action instanceof ControlAction.DeleteElement a) {
      lifetimes.dropElement(map(a.map()), a.key(), true);
    } else if (action instanceof ControlAction.InsertInner a) {
      insertInner(map(a.outer()), a.key(), map(a.inner()));
    } else if (action instanceof ControlAction.DeleteInner a) {
      lifetimes.deleteInner(map(a.outer()), a.key(), true);
    } else if (action instanceof ControlAction.FreeOwner a) {
      engine.localStorage().ownerFreed(a.owner(), a.key());
    } else {
      throw new IllegalStateException("unhandled action " + action);
    }
  }

  private void load(ControlAction.LoadObject a) {
    if (world.object(a.instance()) != null) {
      throw new ScenarioException(a.describe() + ": instance " + a.instance() + " is already loaded");
    }
    Process proc = world.process(a.process());
    ObjectSpec spec = a.spec();
    BtfObject btf = world.newBtf(spec.name() + "@" + a.instance(), spec.types());
    world.graph().registerBtf(btf, spec.graph());
    btf.get(); // the object's own BTF fd, closed with the object
    Map<String, BpfMap> maps = new LinkedHashMap<>();
    List<BpfMap> created = new ArrayList<>();
    for (MapSpec ms : spec.maps()) {
      BpfMap reused = ms.pinPath() == null ? null : pinnedMap(ms.pinPath());
      BpfMap m;
      if (reused != null) {
        checkReusable(a, ms, reused);
        m = reused;
      } else {
        m = lifetimes.newMap(ms, btf);
        world.graph().registerMap(m, spec.graph());
        created.add(m);
      }
      m.holders().hold(Holder.FD);
      proc.mapFds().add(m);
      maps.put(ms.name(), m);
    }
    strategy.on(new LifecycleEvent.MapsCreated(created, maps));
    for (BpfMap m : created) {
      engine.elements().attachAllocator(m, maps);
      if (m.spec().pinPath() != null) {
        pin(m.spec().pinPath(), m);
      }
    }
    List<Program> programs = new ArrayList<>();
    for (ProgramSpec ps : spec.programs()) {
      programs.add(loadProgram(ps, btf, proc, maps));
    }
    world.registerObject(new LoadedObject(a.instance(), spec, btf, proc, maps, programs));
  }

  /** libbpf map_is_reuse_compat(): type and sizes must match; BTF is not compared (docs/engine-notes.md). */
  private static void checkReusable(ControlAction.LoadObject a, MapSpec wanted, BpfMap pinned) {
    MapSpec have = pinned.spec();
    if (have.type() != wanted.type() || have.maxEntries() != wanted.maxEntries()
        || have.valueSpec().fields().size() != wanted.valueSpec().fields().size()) {
      throw new ScenarioException(a.describe() + ": pinned map at " + wanted.pinPath()
          + " does not match map " + wanted.name() + " (libbpf refuses to reuse it)");
    }
  }

  private Program loadProgram(ProgramSpec ps, BtfObject btf, Process proc, Map<String, BpfMap> maps) {
    Program p = linker.link(ps, btf, proc, maps);
    LoadVerdict kernel = GraphVerifier.verify(p, world);
    LoadVerdict v = kernel.accepted() ? strategy.verify(new Verification.ProgramLoad(p)) : kernel;
    // check_reference_leak runs at BPF_EXIT, after every step's own checks (the design's included)
    v = v.accepted() ? GraphVerifier.leaks(p) : v;
    engine.recordVerdict(p.name(), btf.name(), v);
    if (!v.accepted()) {
      world.setState(p, Program.State.REJECTED);
      return p;
    }
    world.setState(p, Program.State.LOADED);
    for (org.allocsim.world.Step op : p.steps()) {
      if (op.kind().percpu()) {
        engine.dataPlane().graphSteps().percpuAllocator(op.allocType().sizeBytes());
      }
    }
    btf.get();
    for (BpfMap m : p.usedMaps()) {
      m.holders().hold(Holder.PROGRAM);
    }
    p.holders().hold(Holder.FD);
    proc.programFds().add(p);
    Program previous = world.attached(p.attachPoint());
    p.holders().hold(Holder.ATTACH);
    world.attach(p);
    strategy.on(new LifecycleEvent.Loaded(p));
    if (previous != null) {
      lifetimes.releaseProgram(previous, Holder.ATTACH);
    }
    return p;
  }

  private void close(LoadedObject o, boolean detach) {
    Process proc = o.loader();
    for (Program p : o.programs()) {
      if (p.state() != Program.State.REJECTED && proc.programFds().remove(p)) {
        if (detach && world.attached(p.attachPoint()) == p) {
          world.detach(p);
          lifetimes.releaseProgram(p, Holder.ATTACH);
        }
        lifetimes.releaseProgram(p, Holder.FD);
      }
    }
    for (BpfMap m : o.maps().values()) {
      if (proc.mapFds().remove(m)) {
        lifetimes.releaseMap(m, Holder.FD);
      }
    }
    lifetimes.putBtf(o.btf());
    world.forgetObject(o.instance());
  }

  private void exit(String name) {
    Process proc = world.existingProcess(name);
    if (proc == null || proc.hasExited()) {
      throw new ScenarioException("exit " + name + ": no such running process");
    }
    for (Program p : List.copyOf(proc.programFds())) {
      proc.programFds().remove(p);
      lifetimes.releaseProgram(p, Holder.FD);
    }
    for (BpfMap m : List.copyOf(proc.mapFds())) {
      proc.mapFds().remove(m);
      lifetimes.releaseMap(m, Holder.FD);
    }
    for (LoadedObject o : world.objectsOf(proc)) {
      lifetimes.putBtf(o.btf());
      world.forgetObject(o.instance());
    }
    world.markExited(proc);
  }

  private void createMap(ControlAction.CreateMap a) {
    LoadedObject btfSource = a.btfOf() == null ? null : object(a.btfOf());
    Process proc = world.process(a.process());
    BtfObject btf = btfSource != null ? btfSource.btf()
        : world.newBtf(a.spec().name() + "@" + a.instance(), Map.of());
    if (world.object(a.instance()) != null) {
      throw new ScenarioException(a.describe() + ": instance " + a.instance() + " already exists");
    }
    btf.get();
    BpfMap m = lifetimes.newMap(a.spec(), btf);
    m.holders().hold(Holder.FD);
    proc.mapFds().add(m);
    strategy.on(new LifecycleEvent.MapsCreated(List.of(m), Map.of(a.spec().name(), m)));
    engine.elements().attachAllocator(m, Map.of(a.spec().name(), m));
    world.registerObject(new LoadedObject(a.instance(), null, btf, proc, Map.of(a.spec().name(), m), List.of()));
  }

  private void closeMapFd(ControlAction.CloseMapFd a) {
    Process proc = world.existingProcess(a.process());
    BpfMap m = map(a.map());
    if (proc == null || !proc.mapFds().remove(m)) {
      throw new ScenarioException(a.describe() + ": the process holds no fd of that map");
    }
    lifetimes.releaseMap(m, Holder.FD);
  }

  private void pin(String path, BpfMap m) {
    if (world.pins().containsKey(path)) {
      throw new ScenarioException("pin " + m.name() + " at " + path + ": path exists (EEXIST)");
    }
    world.pins().put(path, m);
    m.holders().hold(Holder.PIN);
  }

  private void unpin(String path) {
    Object pinned = world.pins().remove(path);
    if (!(pinned instanceof BpfMap m)) {
      throw new ScenarioException("unpin " + path + ": nothing pinned there (ENOENT)");
    }
    lifetimes.releaseMap(m, Holder.PIN);
  }

  private void insertInner(BpfMap outer, long key, BpfMap inner) {
    String subject = "inner-map insert " + inner.name() + " into " + outer.name() + "[" + key + "]";
    if (!outer.type().isMapInMap() || key >= outer.spec().maxEntries()) {
      throw new ScenarioException(subject + ": not a map-in-map, or key out of range");
    }
    String mismatch = InnerMapMeta.mismatch(world.graph(), outer, inner);
    if (mismatch != null) {
      engine.recordVerdict(subject, outer.btf().name(), LoadVerdict.reject(mismatch));
      return;
    }
    LoadVerdict v = strategy.verify(new Verification.InnerMapInsert(outer, inner));
    engine.recordVerdict(subject, outer.btf().name(), v);
    if (v.accepted()) {
      lifetimes.insertInner(outer, key, inner);
    }
  }

  private BpfMap pinnedMap(String path) {
    return world.pins().get(path) instanceof BpfMap m ? m : null;
  }

  private LoadedObject object(String instance) {
    LoadedObject o = world.object(instance);
    if (o == null) {
      throw new ScenarioException("no loaded object or created map named " + instance);
    }
    return o;
  }

  BpfMap map(MapRef ref) {
    if (ref.pin() != null) {
      BpfMap m = pinnedMap(ref.pin());
      if (m == null) {
        throw new ScenarioException("no map pinned at " + ref.pin());
      }
      return m;
    }
    BpfMap m = object(ref.object()).maps().get(ref.map());
    if (m == null) {
      throw new ScenarioException(ref.object() + " has no map " + ref.map());
    }
    return m;
  }
}
