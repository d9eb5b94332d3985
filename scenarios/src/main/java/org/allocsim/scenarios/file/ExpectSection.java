package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allocsim.metrics.RunSummary;
import org.allocsim.oracle.ViolationKind;

/**
 * {@code expect:} — per strategy, the figures a regression run must reproduce:
 * <pre>
 * expect:
 *   per-field:
 *     loads_rejected: 0
 *     violations: {use_after_free: 1}
 *     rejected: []
 *     peak_bytes: {value: 4M, relative: 5%}
 * </pre>
 */
final class ExpectSection {
  private static final List<String> FIGURES = new ArrayList<>(
      new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).asMap().keySet());

  private ExpectSection() {}

  static Map<String, Expectation> read(YNode node, List<String> strategies) {
    Map<String, Expectation> out = new LinkedHashMap<>();
    for (Map.Entry<YNode, YNode> e : node.map().entries()) {
      String strategy = e.getKey().name();
      if (!strategies.isEmpty() && !strategies.contains(strategy)) {
        throw e.getKey().error("unknown strategy '" + strategy + "'" + Suggest.nearest(strategy, strategies));
      }
      out.put(strategy, expectation(strategy, e.getValue()));
    }
    return out;
  }

  static Expectation expectation(String strategy, YNode node) {
    List<String> allowed = new ArrayList<>(FIGURES);
    allowed.add("violations");
    allowed.add("rejected");
    YMap m = node.map().allow(allowed);
    Map<String, Expectation.Expected> figures = new LinkedHashMap<>();
    for (String f : FIGURES) {
      if (m.has(f)) {
        figures.put(f, expected(m.get(f)));
      }
    }
    Map<ViolationKind, Long> violations = new LinkedHashMap<>();
    if (m.has("violations")) {
      List<String> kinds = new ArrayList<>();
      for (ViolationKind k : ViolationKind.values()) {
        kinds.add(k.label());
      }
      for (Map.Entry<YNode, YNode> v : m.get("violations").map().allow(kinds).entries()) {
        violations.put(ViolationKind.valueOf(v.getKey().name().toUpperCase(Locale.ROOT)), v.getValue().integer(0,
            Long.MAX_VALUE));
      }
    }
    List<String> rejected = null;
    if (m.has("rejected")) {
      rejected = new ArrayList<>();
      for (YNode r : m.get("rejected").list()) {
        rejected.add(r.text());
      }
    }
    return new Expectation(strategy, figures, violations, rejected, node.line());
  }

  private static Expectation.Expected expected(YNode v) {
    if (!v.isMap()) {
      return new Expectation.Expected(number(v), 0, 0);
    }
    YMap m = v.map().allow(List.of("value", "absolute", "relative"));
    double value = number(m.require("value", v));
    double abs = m.has("absolute") ? number(m.get("absolute")) : 0;
    double rel = 0;
    if (m.has("relative")) {
      String t = m.get("relative").text();
      rel = t.endsWith("%") ? parse(m.get("relative"), t.substring(0, t.length() - 1)) / 100
          : number(m.get("relative"));
    }
    return new Expectation.Expected(value, abs, rel);
  }

  /** A number, or a size with a K/M/G suffix. */
  private static double number(YNode v) {
    long bytes = Quantities.bytes(v.text());
    return bytes >= 0 ? bytes : parse(v, v.text());
  }

  private static double parse(YNode v, String text) {
    try {
      return Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw v.error("expected a number for " + v.what() + ", got '" + v.text() + "'");
    }
  }
}
