package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.allocsim.world.AllocSource;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.RegisterShape;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;

/**
 * The {@code steps:} of a program. Each step is one key, the step kind, with its arguments:
 * {@code - alloc_store: {type: node, to: stash.node, allocator: ma}}.
 */
final class Steps {
  private final String program;
  private final Map<String, MapSpec> maps;
  private final Set<String> types;
  private final Set<String> localTypes;
  private final Set<String> kernelTypes;
  private final Map<String, List<GraphRoot>> roots;

  Steps(String program, Map<String, MapSpec> maps, Set<String> localTypes, Set<String> kernelTypes,
      Map<String, List<GraphRoot>> roots) {
    this.program = program;
    this.maps = maps;
    this.localTypes = localTypes;
    this.kernelTypes = kernelTypes;
    this.types = ObjectsSection.union(localTypes, kernelTypes);
    this.roots = roots;
  }

  List<StepSpec> read(YNode node) {
    List<StepSpec> out = new ArrayList<>();
    for (YNode item : node.list()) {
      out.add(step(item));
    }
    if (out.isEmpty()) {
      throw node.error("program '" + program + "' needs at least one step");
    }
    return out;
  }

  private StepSpec step(YNode item) {
    YMap m = item.map();
    if (m.size() != 1) {
      throw item.error("a step is one key, its kind (" + String.join(", ", kinds()) + "), got " + m.keyNames());
    }
    String kindName = m.keyNames().get(0);
    if (!kinds().contains(kindName)) {
      throw m.entries().get(0).getKey().error("unknown step '" + kindName + "'" + Suggest.nearest(kindName, kinds())
          + "; expected one of " + String.join(", ", kinds()));
    }
    StepKind kind = StepKind.valueOf(kindName.toUpperCase(Locale.ROOT));
    YNode argsNode = m.get(kindName);
    List<String> allowed = new ArrayList<>();
    if (kind.allocates()) {
      allowed.addAll(kind.percpu() ? List.of("type") : List.of("type", "allocator"));
    }
    if (kind.root() != StepKind.Root.NONE) {
      allowed.add("root");
    }
    if (kind.acquires()) {
      allowed.add("acquire_to");
    }
    if (kind == StepKind.NEW_ADD) {
      allowed.add("acquire_root");
    }
    if (kind.kernelObject()) {
      allowed.add("type");
    }
    if (kind.takes()) {
      allowed.add("from");
    }
    if (kind.stores()) {
      allowed.add("to");
    }
    if (kind.mapOperation()) {
      allowed.add("map");
    }
    allowed.addAll(ShapeKeys.allowed(kind));
    YMap args = argsNode.map().allow(allowed);
    String type = null;
    AllocSource source = null;
    if (kind.allocates()) {
      YNode t = args.require("type", argsNode);
      type = t.name();
      if (!types.contains(type)) {
        throw t.error("unknown type '" + type + "' in program '" + program + "'" + Suggest.nearest(type, types)
            + "; declare it under types: or kernel_types:");
      }
      if (!localTypes.contains(type)) {
        // bpf_obj_new(T) takes bpf_core_type_id_local(T): a vmlinux struct is acquired, never allocated.
        throw t.error("bpf_obj_new needs a program-local type; '" + type + "' is a kernel type: use acquire_store"
            + " or acquire_release");
      }
      source = args.has("allocator") ? allocator(args.get("allocator")) : AllocSource.DEFAULT;
    }
    if (kind.kernelObject()) {
      YNode t = args.require("type", argsNode);
      type = t.name();
      if (!kernelTypes.contains(type)) {
        throw t.error("'" + type + "' is not a kernel type in program '" + program + "'"
            + Suggest.nearest(type, kernelTypes) + "; acquire_store and acquire_release take a type of"
            + " kernel_types:");
      }
    }
    StepSpec.FieldSpec from = kind.takes() ? field(args.require("from", argsNode)) : null;
    StepSpec.FieldSpec to = kind.stores() ? field(args.require("to", argsNode)) : null;
    StepSpec.RootSpec root = kind.root() != StepKind.Root.NONE ? root(args.require("root", argsNode)) : null;
    StepSpec.FieldSpec acquireTo = kind == StepKind.NEW_STORE_ACQUIRE ? field(args.require("acquire_to", argsNode))
        : args.has("acquire_to") ? field(args.get("acquire_to")) : null;
    StepSpec.RootSpec acquireRoot = args.has("acquire_root") ? root(args.get("acquire_root")) : null;
    RegisterShape shape = ShapeKeys.read(args, kind, root, roots);
    String map = kind.mapOperation() ? elementMap(args.require("map", argsNode), kind) : null;
    try {
      return new StepSpec(kind, type, source, from, to, root, acquireTo, acquireRoot, shape, map);
    } catch (IllegalArgumentException e) {
      // world.ShapeRules: a shape the kind cannot state (e.g. leak with acquire_to on new_add)
      throw argsNode.error(e.getMessage());
    }
  }

  /** The map of bpf_map_update_elem / bpf_map_delete_elem: one with elements (through an outer map, its inner map). */
  private String elementMap(YNode node, StepKind kind) {
    String name = node.name();
    MapSpec m = maps.get(name);
    if (m == null) {
      throw node.error("unknown map '" + name + "' in program '" + program + "'" + Suggest.nearest(name,
          maps.keySet()));
    }
    if (m.type() == MapType.ALLOCATOR) {
      throw node.error("'" + name + "' is an allocator map, which has no elements; " + kind.label()
          + " takes a hash, array, percpu or local-storage map, or an outer map for its inner map");
    }
    return name;
  }

  /** map.root, or map.root.inner for a root inside the root's first node. */
  private StepSpec.RootSpec root(YNode node) {
    String ref = node.text();
    for (Map.Entry<String, List<GraphRoot>> e : roots.entrySet()) {
      if (!ref.startsWith(e.getKey() + ".")) {
        continue;
      }
      String rest = ref.substring(e.getKey().length() + 1);
      int dot = rest.indexOf('.');
      String rootName = dot < 0 ? rest : rest.substring(0, dot);
      if (e.getValue().stream().anyMatch(r -> r.name().equals(rootName))) {
        return new StepSpec.RootSpec(e.getKey(), rootName, dot < 0 ? null : rest.substring(dot + 1));
      }
    }
    List<String> known = new ArrayList<>();
    roots.forEach((m, rs) -> rs.forEach(r -> known.add(m + "." + r.name())));
    throw node.error("no graph root '" + ref + "' in program '" + program + "'" + Suggest.nearest(ref, known)
        + (known.isEmpty() ? "; declare one under a map's roots:" : ""));
  }

  /** map.field; for an outer map, a field of its inner template. */
  private StepSpec.FieldSpec field(YNode node) {
    String ref = node.text();
    int dot = ref.lastIndexOf('.');
    if (dot <= 0 || dot == ref.length() - 1) {
      throw node.error("expected map.field for " + node.what() + ", got '" + ref + "'");
    }
    String mapName = ref.substring(0, dot);
    String fieldName = ref.substring(dot + 1);
    MapSpec map = maps.get(mapName);
    if (map == null) {
      throw node.error("unknown map '" + mapName + "' in program '" + program + "'" + Suggest.nearest(mapName,
          maps.keySet()));
    }
    MapSpec value = map.valueSpec();
    if (value.fieldIndex(fieldName) < 0) {
      List<String> fields = value.fields().stream().map(f -> f.name()).toList();
      throw node.error("map '" + mapName + "' has no kptr field '" + fieldName + "'"
          + (fields.isEmpty() ? " (it has none)" : Suggest.nearest(fieldName, fields)));
    }
    return new StepSpec.FieldSpec(mapName, fieldName);
  }

  /** An allocator map's name, or map.kptr_allocator / map.elem_allocator. */
  private AllocSource allocator(YNode node) {
    String ref = node.text();
    for (String attr : List.of(".kptr_allocator", ".elem_allocator")) {
      if (ref.endsWith(attr)) {
        String mapName = ref.substring(0, ref.length() - attr.length());
        if (!maps.containsKey(mapName)) {
          throw node.error("unknown map '" + mapName + "'" + Suggest.nearest(mapName, maps.keySet()));
        }
        return attr.equals(".kptr_allocator") ? AllocSource.kptrAllocatorOf(mapName)
            : AllocSource.elemAllocatorOf(mapName);
      }
    }
    MapSpec m = maps.get(ref);
    if (m == null || m.type() != MapType.ALLOCATOR) {
      List<String> allocators = maps.values().stream().filter(s -> s.type() == MapType.ALLOCATOR)
          .map(MapSpec::name).toList();
      throw node.error("'" + ref + "' is not an allocator map of this object" + Suggest.nearest(ref, allocators)
          + "; expected an allocator map, map.kptr_allocator or map.elem_allocator");
    }
    return AllocSource.allocatorMap(ref);
  }

  static List<String> kinds() {
    List<String> out = new ArrayList<>();
    for (StepKind k : StepKind.values()) {
      out.add(k.label());
    }
    return out;
  }
}
