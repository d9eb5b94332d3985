package org.allocsim.world;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.btf.BtfObject;
import org.allocsim.btf.BtfType;

/**
 * Resolves a program's steps against the maps of one load, as libbpf's map relocations do, and derives used_maps
 * from them. Errors here are the scenario's (an unknown map or field), not the verifier's.
 */
public final class ProgramLinker {
  private final World world;

  public ProgramLinker(World world) {
    this.world = world;
  }

  /** Creates the program load in state VERIFYING; the caller runs the verifier. */
  public Program link(ProgramSpec spec, BtfObject btf, Process loader, Map<String, BpfMap> maps) {
    Set<BpfMap> used = new LinkedHashSet<>();
    List<StepSpec> steps = spec.steps();
    Step[] ops = new Step[steps.size()];
    for (int i = 0; i < ops.length; i++) {
      StepSpec s = steps.get(i);
      BtfType allocType = null;
      BpfMap sourceMap = null;
      if (s.kind().allocates()) {
        // bpf_obj_new(T) takes bpf_core_type_id_local(T): the program's own BTF first (a vmlinux.h copy of a kernel
        // struct is still a local type); only a type the program lacks is a kernel object from a kfunc.
        allocType = btf.type(s.type()) != null ? btf.type(s.type()) : world.resolveType(btf, s.type());
        if (allocType == null) {
          throw new IllegalArgumentException(spec.name() + ": unknown type " + s.type() + " in " + btf);
        }
        if (s.source().map() != null) {
          sourceMap = map(spec, maps, s.source().map());
          used.add(sourceMap);
        }
      }
      if (s.kind().kernelObject()) {
        // bpf_cpumask_create(), bpf_task_acquire(): the returned pointer's type is vmlinux's.
        allocType = world.resolveType(btf, s.type());
        if (allocType == null || !allocType.isKernel()) {
          throw new IllegalArgumentException(spec.name() + ": " + s.type() + " is not a kernel type");
        }
      }
      FieldRef from = s.from() == null ? null : field(spec, maps, s.from(), used);
      FieldRef to = s.to() == null ? null : field(spec, maps, s.to(), used);
      RootRef root = s.root() == null ? null : root(spec, maps, s.root(), used);
      FieldRef acquireTo = s.acquireTo() == null ? null : field(spec, maps, s.acquireTo(), used);
      RootRef acquireRoot = s.acquireRoot() == null ? null : root(spec, maps, s.acquireRoot(), used);
      ElementRef element = null;
      if (s.map() != null) {
        BpfMap m = map(spec, maps, s.map());
        used.add(m);
        element = new ElementRef(m, m.type().isMapInMap());
      }
      ops[i] = new Step(i, s.kind(), allocType, allocType == null ? -1 : world.typeId(allocType),
          s.kind().allocates() ? s.source().kind() : null, sourceMap,
          from, to, root, acquireTo, acquireRoot, s.shape(), element);
    }
    return world.newProgram(spec, btf, loader, new ArrayList<>(used), ops);
  }

  private static BpfMap map(ProgramSpec spec, Map<String, BpfMap> maps, String name) {
    BpfMap m = maps.get(name);
    if (m == null) {
      throw new IllegalArgumentException(spec.name() + ": unknown map " + name);
    }
    return m;
  }

  /**
   * A root of a map's value, as the map's creator declared it; a nested root is looked up in the node type. Through
   * an outer map, a root of its inner template's value (the inner map is found by lookup at run time).
   */
  private RootRef root(ProgramSpec spec, Map<String, BpfMap> maps, StepSpec.RootSpec r, Set<BpfMap> used) {
    BpfMap m = map(spec, maps, r.map());
    List<GraphRoot> roots = world.graph().roots(m);
    for (int i = 0; i < roots.size(); i++) {
      GraphRoot g = roots.get(i);
      if (!g.name().equals(r.root())) {
        continue;
      }
      used.add(m);
      boolean viaOuter = m.type().isMapInMap();
      if (r.inner() == null) {
        return new RootRef(m, i, g, -1, null, viaOuter);
      }
      TypeTraits node = world.graph().traits(m.btf().type(g.nodeType()));
      int inner = node.rootIndex(r.inner());
      if (inner < 0) {
        throw new IllegalArgumentException(
            spec.name() + ": struct " + g.nodeType() + " has no graph root " + r.inner());
      }
      return new RootRef(m, i, g, inner, node.roots().get(inner), viaOuter);
    }
    throw new IllegalArgumentException(spec.name() + ": map " + r.map() + " has no graph root " + r.root());
  }

  private static FieldRef field(ProgramSpec spec, Map<String, BpfMap> maps, StepSpec.FieldSpec f,
      Set<BpfMap> used) {
    BpfMap m = map(spec, maps, f.map());
    int index = m.spec().valueSpec().fieldIndex(f.field());
    if (index < 0) {
      throw new IllegalArgumentException(spec.name() + ": map " + f.map() + " has no kptr field " + f.field());
    }
    used.add(m);
    return new FieldRef(m, index, m.fieldType(index), m.type().isMapInMap());
  }
}
