package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;

/** {@code objects:} — object files with their local types, maps and programs. */
final class ObjectsSection {
  private static final List<String> OBJECT_KEYS = List.of("file", "types", "maps", "programs");
  private static final List<String> MAP_KEYS = List.of("type", "max_entries", "kptr", "inner", "kptr_allocator",
      "elem_allocator", "elements", "unit", "pin", "roots", "lock");
  private static final List<String> INNER_KEYS = List.of("type", "max_entries", "kptr", "roots", "lock");
  private static final String TEMPLATE_SUFFIX = ".inner";
  private static final List<String> PROGRAM_KEYS = List.of("context", "sleepable", "steps");
  static final int MAX_ENTRIES = Integer.MAX_VALUE;

  private ObjectsSection() {}

  static Map<String, ObjectSpec> read(YNode node, Set<String> kernelTypes) {
    Map<String, ObjectSpec> out = new LinkedHashMap<>();
    for (Map.Entry<YNode, YNode> e : node.map().entries()) {
      String name = e.getKey().name();
      out.put(name, object(name, e.getValue().as("object '" + name + "'"), kernelTypes));
    }
    return out;
  }

  private static ObjectSpec object(String name, YNode node, Set<String> kernelTypes) {
    YMap m = node.map().allow(OBJECT_KEYS);
    String file = m.has("file") ? m.get("file").text() : name + ".bpf.o";
    Map<String, Integer> types = new LinkedHashMap<>();
    GraphSection graph = new GraphSection();
    if (m.has("types")) {
      for (Map.Entry<YNode, YNode> t : m.get("types").map().entries()) {
        String typeName = t.getKey().name();
        types.put(typeName, t.getValue().isMap() ? graph.type(typeName, t.getValue())
            : (int) t.getValue().bytes(SizeLimits.MAX_STRUCT_BYTES));
      }
    }
    Map<String, MapSpec> maps = new LinkedHashMap<>();
    Map<String, YNode> mapNodes = new LinkedHashMap<>();
    if (m.has("maps")) {
      for (Map.Entry<YNode, YNode> e : m.get("maps").map().entries()) {
        String mapName = e.getKey().name();
        YNode mapNode = e.getValue().as("map '" + mapName + "'");
        mapNodes.put(mapName, mapNode);
        maps.put(mapName, map(mapName, mapNode, types.keySet(), kernelTypes, false, graph));
      }
    }
    graph.checkTypes(types.keySet());
    for (Map.Entry<String, MapSpec> e : maps.entrySet()) {
      checkAllocatorRef(e.getValue().kptrAllocator(), mapNodes.get(e.getKey()).map().get("kptr_allocator"), maps);
      checkAllocatorRef(e.getValue().elemAllocator(), mapNodes.get(e.getKey()).map().get("elem_allocator"), maps);
    }
    List<ProgramSpec> programs = new ArrayList<>();
    if (m.has("programs")) {
      for (Map.Entry<YNode, YNode> e : m.get("programs").map().entries()) {
        String programName = e.getKey().name();
        programs.add(program(programName, e.getValue().as("program '" + programName + "'"), maps, types.keySet(),
            kernelTypes, graph));
      }
    }
    return new ObjectSpec(file, types, new ArrayList<>(maps.values()), programs, graph.spec());
  }

  /** Owners a local-storage map's keys may name when it says no max_entries (the kernel's own is 0). */
  static final int DEFAULT_OWNERS = 65_536;

  static MapSpec map(String name, YNode node, Set<String> types, Set<String> kernelTypes, boolean inner) {
    return map(name, node, types, kernelTypes, inner, new GraphSection());
  }

  private static MapSpec map(String name, YNode node, Set<String> types, Set<String> kernelTypes, boolean inner,
      GraphSection graph) {
    YMap m = node.map().allow(inner ? INNER_KEYS : MAP_KEYS);
    // a template's roots are those a program reaches through the outer map: recorded under the outer map's name
    graph.map(inner && name.endsWith(TEMPLATE_SUFFIX) ? name.substring(0, name.length() - TEMPLATE_SUFFIX.length())
        : name, m);
    MapType type = MapType.fromLabel(m.require("type", node).as("map type").oneOf(labels()));
    int maxEntries = type == MapType.ALLOCATOR && !m.has("max_entries") ? 1
        : type.isLocalStorage() && !m.has("max_entries") ? DEFAULT_OWNERS
        : (int) m.require("max_entries", node).as("max_entries of map '" + name + "'").integer(1, MAX_ENTRIES);
    if (inner && type.isLocalStorage()) {
      throw m.get("type").error("a " + type.label() + " map keys by its owner and is not modelled as an inner map");
    }
    List<KptrField> fields = new ArrayList<>();
    if (m.has("kptr")) {
      if (type.isMapInMap() || type == MapType.ALLOCATOR) {
        throw m.get("kptr").error("an " + type.label() + " map has no kptr fields"
            + (type.isMapInMap() ? "; put them in its 'inner' template" : ""));
      }
      for (Map.Entry<YNode, YNode> f : m.get("kptr").map().entries()) {
        String typeName = f.getValue().isMap() ? graph.kptr(name, f.getKey().name(), f.getValue())
            : f.getValue().name();
        if (!types.contains(typeName) && !kernelTypes.contains(typeName)) {
          throw f.getValue().error("unknown type '" + typeName + "' for kptr field '" + f.getKey().name()
              + "' of map '" + name + "'" + Suggest.nearest(typeName, union(types, kernelTypes))
              + "; declare it under types: or kernel_types:");
        }
        fields.add(new KptrField(f.getKey().name(), typeName));
      }
    }
    MapSpec innerTemplate = null;
    if (type.isMapInMap()) {
      innerTemplate = map(name + TEMPLATE_SUFFIX,
          m.require("inner", node).as("inner-map template of map '" + name + "'"),
          types, kernelTypes, true, graph);
    } else if (m.has("inner")) {
      throw m.get("inner").error("only array_of_maps and hash_of_maps have an inner-map template");
    }
    if (m.has("unit") && type != MapType.ALLOCATOR) {
      throw m.get("unit").error("'unit' belongs to allocator maps");
    }
    int unit = m.has("unit") ? (int) m.get("unit").bytes(4096) : 0;
    if (m.has("elements") && type != MapType.HASH) {
      throw m.get("elements").error("'elements' (no-prealloc element size) belongs to hash maps");
    }
    MapSpec spec = new MapSpec(name, type, maxEntries, fields, innerTemplate,
        m.has("kptr_allocator") ? m.get("kptr_allocator").name() : null,
        m.has("elem_allocator") ? m.get("elem_allocator").name() : null, unit, null,
        m.has("elements") ? (int) m.get("elements").bytes(SizeLimits.MAX_STRUCT_BYTES) : 0);
    if (m.has("pin")) {
      String pin = m.get("pin").text();
      if (!pin.startsWith("/sys/fs/bpf/") || pin.endsWith("/")) {
        throw m.get("pin").error("a pin path lives in bpffs: expected /sys/fs/bpf/<name>, got '" + pin + "'");
      }
      spec = spec.pinnedAt(pin);
    }
    return spec;
  }

  private static void checkAllocatorRef(String ref, YNode at, Map<String, MapSpec> maps) {
    if (ref == null) {
      return;
    }
    MapSpec target = maps.get(ref);
    if (target == null || target.type() != MapType.ALLOCATOR) {
      List<String> allocators = maps.values().stream().filter(s -> s.type() == MapType.ALLOCATOR)
          .map(MapSpec::name).toList();
      throw at.error("'" + ref + "' is not an allocator map of this object" + Suggest.nearest(ref, allocators));
    }
  }

  private static ProgramSpec program(String name, YNode node, Map<String, MapSpec> maps, Set<String> types,
      Set<String> kernelTypes, GraphSection graph) {
    YMap m = node.map().allow(PROGRAM_KEYS);
    ExecContext context = m.has("context")
        ? ExecContext.valueOf(m.get("context").as("program context")
            .oneOf(List.of("task", "softirq", "hardirq", "nmi")).toUpperCase(Locale.ROOT))
        : ExecContext.TASK;
    boolean sleepable = m.has("sleepable") && m.get("sleepable").bool();
    if (sleepable && context != ExecContext.TASK) {
      throw m.get("sleepable").error("only task-context programs can be sleepable");
    }
    Steps steps = new Steps(name, maps, types, kernelTypes, graph.mapRoots());
    return new ProgramSpec(name, context, sleepable, steps.read(m.require("steps", node).as("steps of program '"
        + name + "'")));
  }

  static List<String> labels() {
    List<String> out = new ArrayList<>();
    for (MapType t : MapType.values()) {
      out.add(t.label());
    }
    return out;
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }
}
