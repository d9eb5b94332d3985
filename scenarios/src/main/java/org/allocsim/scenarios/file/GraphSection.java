package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.GraphSpec;
import org.allocsim.world.KptrFlavour;
import org.allocsim.world.TypeTraits;

/**
 * The keys of an object file for refcounted, graph-node and percpu objects: a struct written as a mapping
 * ({@code {size, refcount, nodes, roots}}), a map's {@code roots} and {@code lock}, and a kptr field written as
 * {@code {type, flavour}}. Collected per object into a {@link GraphSpec}; docs/scenario-format.md describes them.
 */
final class GraphSection {
  static final List<String> TYPE_KEYS = List.of("size", "refcount", "nodes", "roots");
  static final List<String> KPTR_KEYS = List.of("type", "flavour");

  private final Map<String, TypeTraits> types = new LinkedHashMap<>();
  private final Map<String, List<GraphRoot>> mapRoots = new LinkedHashMap<>();
  private final Set<String> unlocked = new LinkedHashSet<>();
  private final Map<String, Map<String, KptrFlavour>> flavours = new LinkedHashMap<>();
  private final List<YNode> rootTypeNodes = new ArrayList<>();

  /** A struct written as a mapping: returns its size and records its traits. */
  int type(String name, YNode node) {
    YMap m = node.map().allow(TYPE_KEYS);
    int size = (int) m.require("size", node).bytes(SizeLimits.MAX_STRUCT_BYTES);
    boolean refcount = m.has("refcount") && m.get("refcount").bool();
    Map<String, GraphKind> nodes = new LinkedHashMap<>();
    if (m.has("nodes")) {
      for (Map.Entry<YNode, YNode> e : m.get("nodes").map().entries()) {
        nodes.put(e.getKey().name(), kind(e.getValue()));
      }
    }
    List<GraphRoot> roots = m.has("roots") ? roots(m.get("roots")) : List.of();
    types.put(name, new TypeTraits(name, refcount, nodes, roots));
    return size;
  }

  /** {@code roots: {name: {rbtree: type.field}}} of a map value or a struct. */
  List<GraphRoot> roots(YNode node) {
    List<GraphRoot> out = new ArrayList<>();
    for (Map.Entry<YNode, YNode> e : node.map().entries()) {
      YMap r = e.getValue().map();
      if (r.size() != 1) {
        throw e.getValue().error("a root is one key, list or rbtree, with its __contains(type, field) as "
            + "type.field, e.g. {rbtree: node_data.node}");
      }
      String kindName = r.keyNames().get(0);
      GraphKind kind = kind(r.entries().get(0).getKey());
      YNode contains = r.get(kindName);
      String ref = contains.text();
      int dot = ref.indexOf('.');
      if (dot <= 0 || dot == ref.length() - 1 || ref.indexOf('.', dot + 1) >= 0) {
        throw contains.error("expected type.field (the root's __contains), got '" + ref + "'");
      }
      rootTypeNodes.add(contains);
      out.add(new GraphRoot(e.getKey().name(), kind, ref.substring(0, dot), ref.substring(dot + 1)));
    }
    return out;
  }

  /** A map's {@code roots} and {@code lock}. */
  void map(String mapName, YMap m) {
    if (m.has("roots")) {
      mapRoots.put(mapName, roots(m.get("roots")));
      if (m.has("lock") && !m.get("lock").bool()) {
        unlocked.add(mapName);
      }
    } else if (m.has("lock")) {
      throw m.get("lock").error("'lock' says whether a value with graph roots has its bpf_spin_lock; this map has "
          + "no roots");
    }
  }

  /** A kptr field written as {@code {type, flavour}}: returns the type name and records the flavour. */
  String kptr(String mapName, String field, YNode node) {
    YMap m = node.map().allow(KPTR_KEYS);
    String type = m.require("type", node).name();
    if (m.has("flavour")) {
      List<String> labels = new ArrayList<>();
      for (KptrFlavour f : KptrFlavour.values()) {
        labels.add(f.label());
      }
      KptrFlavour f = KptrFlavour.valueOf(m.get("flavour").as("kptr flavour").oneOf(labels).toUpperCase());
      flavours.computeIfAbsent(mapName, k -> new LinkedHashMap<>()).put(field, f);
    }
    return type;
  }

  /** Every __contains names a struct of the object (its field is the kernel's to check, at load). */
  void checkTypes(Set<String> declared) {
    for (YNode n : rootTypeNodes) {
      String t = n.text().substring(0, n.text().indexOf('.'));
      if (!declared.contains(t)) {
        throw n.error("unknown type '" + t + "' in __contains" + Suggest.nearest(t, declared)
            + "; declare it under types:");
      }
    }
  }

  Map<String, List<GraphRoot>> mapRoots() {
    return mapRoots;
  }

  GraphSpec spec() {
    return new GraphSpec(types, mapRoots, unlocked, flavours);
  }

  private static GraphKind kind(YNode node) {
    List<String> labels = List.of(GraphKind.LIST.label(), GraphKind.RBTREE.label());
    return GraphKind.valueOf(node.as("graph kind").oneOf(labels).toUpperCase());
  }
}
