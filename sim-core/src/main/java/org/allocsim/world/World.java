package org.allocsim.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.btf.BtfType;

/**
 * Everything that exists in one run: BTF objects, maps, programs, processes, pins and attach points. It creates and
 * indexes; the kernel package drives lifetimes. Ids are dense and given in creation order, so runs are reproducible.
 */
public final class World {
  private final BtfObject vmlinux = new BtfObject(0, BtfObject.VMLINUX, true);
  private final List<BtfObject> btfs = new ArrayList<>(List.of(vmlinux));
  private final List<BpfMap> maps = new ArrayList<>();
  private final List<Program> programs = new ArrayList<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private int nextProcessId;
  private final Map<String, Object> pins = new LinkedHashMap<>();
  private final Map<String, Integer> attachPoints = new LinkedHashMap<>();
  /** Program attached at each attach point (null: none), as an array: every record reads it (issue 17). */
  private Program[] attached = new Program[8];
  private final Map<String, LoadedObject> objects = new LinkedHashMap<>();
  private final java.util.IdentityHashMap<BtfType, Integer> typeIds = new java.util.IdentityHashMap<>();
  private final GraphRegistry graph = new GraphRegistry();
  /** Possible CPUs: the copies of a percpu map's value. */
  private int cpus = 1;

  public World() {
    vmlinux.get();
  }

  public BtfObject vmlinux() {
    return vmlinux;
  }

  /** The possible CPUs, before any map is created (a percpu map holds a value per CPU). */
  public void setCpus(int possibleCpus) {
    this.cpus = possibleCpus;
  }

  /** Declares a kernel struct (e.g. bpf_cpumask, 1032 bytes) in vmlinux. */
  public BtfType declareKernelType(String name, int sizeBytes) {
    return vmlinux.declare(name, sizeBytes);
  }

  /** A new BTF object with the given local types, as one object-file load brings. */
  public BtfObject newBtf(String name, Map<String, Integer> types) {
    BtfObject btf = new BtfObject(btfs.size(), name, false);
    types.forEach(btf::declare);
    btfs.add(btf);
    return btf;
  }

  /**
   * Resolves a struct name as btf_parse_kptr() does: vmlinux first (a kernel kptr), else the local BTF (a
   * MEM_ALLOC kptr from bpf_obj_new). Returns null when neither has it.
   */
  public BtfType resolveType(BtfObject btf, String name) {
    BtfType kernel = vmlinux.type(name);
    return kernel != null ? kernel : btf.type(name);
  }

  /** A dense run-wide id for a type, for the object table. */
  public int typeId(BtfType type) {
    return typeIds.computeIfAbsent(type, t -> {
      int id = typeIds.size();
      graph.noteTypeId(t, id);
      return id;
    });
  }

  /** Graph roots, spin locks, kptr flavours and struct traits of this run. */
  public GraphRegistry graph() {
    return graph;
  }

  public BpfMap newMap(MapSpec spec, BtfObject btf) {
    MapSpec value = spec.valueSpec();
    BtfType[] types = new BtfType[value.fields().size()];
    for (int i = 0; i < types.length; i++) {
      String typeName = value.fields().get(i).typeName();
      types[i] = resolveType(btf, typeName);
      if (types[i] == null) {
        throw new IllegalArgumentException("map " + spec.name() + ": kptr field " + value.fields().get(i).name()
            + " has unknown type " + typeName + " in " + btf);
      }
    }
    BpfMap map = new BpfMap(maps.size(), spec, btf, types, cpus);
    maps.add(map);
    return map;
  }

  Program newProgram(ProgramSpec spec, BtfObject btf, Process loader, List<BpfMap> used, Step[] ops) {
    Program p = new Program(programs.size(), spec, attachPoint(spec.name()), btf, loader, used, ops);
    programs.add(p);
    return p;
  }

  /** The attach-point index of a program name, created on first use. */
  public int attachPoint(String programName) {
    Integer s = attachPoints.get(programName);
    if (s == null) {
      s = attachPoints.size();
      attachPoints.put(programName, s);
      if (s == attached.length) {
        attached = java.util.Arrays.copyOf(attached, 2 * s);
      }
    }
    return s;
  }

  /** Attach point names in index order. */
  public List<String> attachPointNames() {
    return List.copyOf(attachPoints.keySet());
  }

  /** The program currently attached at that attach point, or null (none loaded, or between unload and reload). */
  public Program attached(int attachPoint) {
    Program[] a = attached;
    return attachPoint < a.length ? a[attachPoint] : null;
  }

  public void attach(Program p) {
    attached[p.attachPoint()] = p;
  }

  public void detach(Program p) {
    if (attached[p.attachPoint()] == p) {
      attached[p.attachPoint()] = null;
    }
  }

  /** The live process of that name; a name whose process exited gets a new process (a restart). */
  public Process process(String name) {
    Process p = processes.get(name);
    if (p == null || p.hasExited()) {
      p = new Process(nextProcessId++, name);
      processes.put(name, p);
    }
    return p;
  }

  public Process existingProcess(String name) {
    return processes.get(name);
  }

  public void markExited(Process p) {
    p.markExited();
  }

  public void setState(Program p, Program.State state) {
    p.setState(state);
  }

  public void markFreed(BpfMap map) {
    map.markFreed();
  }

  public void setMapAllocator(BpfMap map, int allocator) {
    map.setAllocator(allocator);
  }

  public void setElementAllocator(BpfMap map, int allocator) {
    map.setElementAllocator(allocator);
  }

  /** bpffs: path to the pinned map or program. */
  public Map<String, Object> pins() {
    return pins;
  }

  public void registerObject(LoadedObject object) {
    objects.put(object.instance(), object);
  }

  /** The instance name is free again (closed, or its process exited). */
  public void forgetObject(String instance) {
    objects.remove(instance);
  }

  /** Object loads (and user-space created maps) of a process still open. */
  public List<LoadedObject> objectsOf(Process p) {
    List<LoadedObject> out = new ArrayList<>();
    for (LoadedObject o : objects.values()) {
      if (o.loader() == p) {
        out.add(o);
      }
    }
    return out;
  }

  public LoadedObject object(String instance) {
    return objects.get(instance);
  }

  public List<BtfObject> btfs() {
    return Collections.unmodifiableList(btfs);
  }

  public List<BpfMap> maps() {
    return Collections.unmodifiableList(maps);
  }

  public List<Program> programs() {
    return Collections.unmodifiableList(programs);
  }

  public Iterable<Process> processes() {
    return processes.values();
  }
}
