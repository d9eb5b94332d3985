package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.KernelPreset;
import org.allocsim.params.ParameterSpec;
import org.allocsim.params.Parameters;

/**
 * {@code parameters:} — values for the kernel model's and the strategies' parameters ({@code cpus: 8}), and the
 * scenario's own parameters, declared with a default ({@code rate: {default: 200000, unit: runs/s}}) and used as
 * {@code ${rate}} in any value. {@code --set key=value} overrides either kind. {@code preset: v6.4} (or
 * {@code --preset}) sets the values of a {@link KernelPreset}; each value is taken from, in rising order: the
 * default, the scenario's preset, the scenario, the command line's preset, {@code --set}.
 */
final class ParametersSection {
  private static final List<String> DECLARATION_KEYS = List.of("default", "unit", "description");

  private final List<ParameterSpec> known;
  private final Map<String, ScenarioParameter> all = new LinkedHashMap<>();
  private final Map<String, String> modelValues = new LinkedHashMap<>();
  private final Map<String, YNode> valueNodes = new LinkedHashMap<>();
  private Parameters overrides = Parameters.EMPTY;
  private KernelPreset preset;

  ParametersSection(List<ParameterSpec> known) {
    this.known = known;
  }

  /** Reads the section (may be null) and applies overrides; defines every value for ${} in doc. */
  void read(YNode node, Parameters overrides, Doc doc) {
    this.overrides = overrides;
    Map<String, ParameterSpec> byKey = new LinkedHashMap<>();
    for (ParameterSpec p : known) {
      byKey.put(p.key(), p);
    }
    Map<String, String> scenarioValues = new LinkedHashMap<>();
    Map<String, YNode> declared = new LinkedHashMap<>();
    KernelPreset scenarioPreset = null;
    if (node != null) {
      for (Map.Entry<YNode, YNode> e : node.map().entries()) {
        String key = e.getKey().name();
        YNode v = e.getValue();
        if (key.equals(KernelPreset.KEY)) {
          scenarioPreset = KernelPreset.named(v.text()).orElseThrow(() -> v.error("unknown preset '" + v.text()
              + "'; expected one of " + KernelPreset.names()));
        } else if (byKey.containsKey(key)) {
          scenarioValues.put(key, v.text());
          valueNodes.put(key, v);
        } else if (v.isMap()) {
          YMap d = v.map().allow(DECLARATION_KEYS);
          declared.put(key, v);
          scenarioValues.put(key, d.require("default", v).text());
        } else {
          throw e.getKey().error("unknown parameter '" + key + "'" + Suggest.nearest(key, byKey.keySet())
              + "; declare a scenario parameter as " + key + ": {default: ..., unit: ..., description: ...}");
        }
      }
    }
    KernelPreset commandPreset = null;
    if (overrides.has(KernelPreset.KEY)) {
      String name = overrides.asMap().get(KernelPreset.KEY);
      commandPreset = KernelPreset.named(name).orElseThrow(() -> new IllegalArgumentException(
          "--preset: unknown preset '" + name + "'; expected one of " + KernelPreset.names()));
    }
    preset = commandPreset != null ? commandPreset : scenarioPreset;
    for (String key : overrides.asMap().keySet()) {
      if (!byKey.containsKey(key) && !declared.containsKey(key) && !key.equals(KernelPreset.KEY)) {
        List<String> names = new ArrayList<>(byKey.keySet());
        names.addAll(declared.keySet());
        throw new IllegalArgumentException("unknown parameter '" + key + "'" + Suggest.nearest(key, names));
      }
    }
    KernelPreset shown = preset != null ? preset : KernelPreset.CURRENT;
    all.put(KernelPreset.KEY, new ScenarioParameter(KernelPreset.KEY, shown.name(), KernelPreset.CURRENT.name(),
        "kernel version", shown.source(), shown.description()));
    for (ParameterSpec p : known) {
      String value = p.defaultValue();
      boolean set = false;
      if (scenarioPreset != null && scenarioPreset.values().containsKey(p.key())) {
        value = scenarioPreset.values().get(p.key());
        set = true;
      }
      if (scenarioValues.containsKey(p.key())) {
        value = scenarioValues.get(p.key());
        set = true;
      }
      if (commandPreset != null && commandPreset.values().containsKey(p.key())) {
        value = commandPreset.values().get(p.key());
        set = true;
      }
      if (overrides.has(p.key())) {
        value = overrides.asMap().get(p.key());
        set = true;
      }
      YNode at = overrides.has(p.key()) ? null : valueNodes.get(p.key());
      value = normalize(p, value, at);
      String problem = p.problem(value);
      if (problem != null) {
        throw at != null ? at.error("parameter " + p.key() + ": " + problem)
            : overrides.has(p.key()) ? new IllegalArgumentException(setOption(p.key(), overrides) + problem)
            : new IllegalArgumentException("preset " + preset.name() + ": parameter " + p.key() + ": " + problem);
      }
      all.put(p.key(), new ScenarioParameter(p.key(), value, p.defaultValue(), p.unit(), p.source(),
          p.description()));
      if (set) {
        modelValues.put(p.key(), value);
      }
    }
    for (Map.Entry<String, YNode> e : declared.entrySet()) {
      YMap d = e.getValue().map();
      String def = scenarioValues.get(e.getKey());
      String value = overrides.has(e.getKey()) ? overrides.asMap().get(e.getKey()) : def;
      all.put(e.getKey(), new ScenarioParameter(e.getKey(), value, def, d.has("unit") ? d.get("unit").text() : "",
          "scenario", d.has("description") ? d.get("description").text() : ""));
    }
    for (ScenarioParameter p : all.values()) {
      doc.define(p.key(), p.value());
    }
  }

  /** Durations for ns parameters and sizes for byte parameters become plain integers; bad ones fail here. */
  private static String normalize(ParameterSpec p, String value, YNode at) {
    long v = switch (p.unit()) {
      case "ns" -> Quantities.durationNs(value);
      case "bytes" -> Quantities.bytes(value);
      default -> 0;
    };
    if (!p.unit().equals("ns") && !p.unit().equals("bytes")) {
      return value;
    }
    if (v < 0) {
      String problem = "expected " + (p.unit().equals("ns")
          ? "a duration (e.g. 25ms)" : "a size in bytes (e.g. 1M)") + ", got '" + value + "'";
      if (at != null) {
        throw at.error("parameter " + p.key() + ": " + problem);
      }
      throw new IllegalArgumentException("--set " + p.key() + "=" + value + ": " + problem);
    }
    return Long.toString(v);
  }

  /** The option that supplied a value, for a message: {@code --set cpus=abc: }. */
  static String setOption(String key, Parameters overrides) {
    return "--set " + key + "=" + overrides.asMap().get(key) + ": ";
  }

  /**
   * An error about key's value where it was given: its line in the file, the --set option that supplied it, or
   * (for a default) {@code where}.
   */
  RuntimeException error(String key, String problem, YNode where) {
    if (overrides.has(key)) {
      return new IllegalArgumentException(setOption(key, overrides) + problem);
    }
    YNode at = valueNodes.get(key);
    return (at != null ? at : where).error("parameter " + key + ": " + problem);
  }

  /** The preset this run follows, or null for the defaults (the newest kernel). */
  KernelPreset preset() {
    return preset;
  }

  /** Values of model and strategy parameters that a preset, the scenario or --set changed. */
  Parameters modelParameters() {
    return new Parameters(modelValues);
  }

  List<ScenarioParameter> all() {
    return new ArrayList<>(all.values());
  }

  String value(String key) {
    return all.get(key).value();
  }
}
