package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A YAML mapping whose keys are plain names, read key by key; unknown keys are errors with a suggestion. */
final class YMap {
  private final String what;
  private final Map<String, YNode> values = new LinkedHashMap<>();
  private final Map<String, YNode> keys = new LinkedHashMap<>();

  YMap(Doc doc, MappingNode node, String what) {
    this.what = what;
    for (NodeTuple t : node.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YNode(doc, t.getKeyNode(), "a key of " + what).error("keys of " + what + " must be names");
      }
      YNode key = new YNode(doc, k, "a key of " + what);
      if (values.containsKey(k.getValue())) {
        throw key.error("duplicate key '" + k.getValue() + "' in " + what);
      }
      keys.put(k.getValue(), key);
      values.put(k.getValue(), new YNode(doc, t.getValueNode(), describe(k.getValue())));
    }
  }

  private String describe(String key) {
    return "'" + key + "' of " + what;
  }

  /** Fails on the first key not in allowed, suggesting the nearest allowed one. */
  YMap allow(List<String> allowed) {
    for (Map.Entry<String, YNode> e : keys.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue().error("unknown key '" + e.getKey() + "' in " + what + Suggest.nearest(e.getKey(), allowed)
            + "; expected " + String.join(", ", allowed));
      }
    }
    return this;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  YNode get(String key) {
    return values.get(key);
  }

  /** The value of a required key; the error points at the mapping itself. */
  YNode require(String key, YNode owner) {
    YNode v = values.get(key);
    if (v == null) {
      throw owner.error("missing '" + key + "' in " + what);
    }
    return v;
  }

  /** Keys with their nodes, in file order (for name: spec sections). */
  List<Map.Entry<YNode, YNode>> entries() {
    List<Map.Entry<YNode, YNode>> out = new ArrayList<>();
    for (String k : keys.keySet()) {
      out.add(Map.entry(keys.get(k), values.get(k)));
    }
    return out;
  }

  List<String> keyNames() {
    return new ArrayList<>(keys.keySet());
  }

  int size() {
    return values.size();
  }

  String what() {
    return what;
  }
}
