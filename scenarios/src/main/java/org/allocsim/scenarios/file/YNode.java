package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node with its location and a name for messages ("max_entries of map 'flows'"). Typed readers either
 * return a value or throw a {@link ScenarioError} that says what was expected.
 */
final class YNode {
  private static final Pattern PARAM = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

  private final Doc doc;
  private final Node node;
  private final String what;

  YNode(Doc doc, Node node, String what) {
    this.doc = doc;
    this.node = node;
    this.what = what;
    if (node.getAnchor().isPresent()) {
      // An alias repeats a subtree: a few lines could expand without bound (a "billion laughs" file).
      throw error("anchors and aliases (&name, *name) are not supported in scenarios");
    }
  }

  String what() {
    return what;
  }

  Doc doc() {
    return doc;
  }

  /** The same node, described as what in messages ("map 'flows'", "map type"). */
  YNode as(String description) {
    return new YNode(doc, node, description);
  }

  int line() {
    return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }

  int column() {
    return node.getStartMark().map(Mark::getColumn).orElse(0) + 1;
  }

  ScenarioError error(String problem) {
    return new ScenarioError(doc.file(), line(), column(), problem);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  YMap map() {
    if (!(node instanceof MappingNode m)) {
      throw error("expected a mapping (key: value lines) for " + what + ", got " + kind());
    }
    return new YMap(doc, m, what);
  }

  List<YNode> list() {
    if (!(node instanceof SequenceNode s)) {
      throw error("expected a list ('- ' items) for " + what + ", got " + kind());
    }
    List<YNode> out = new ArrayList<>();
    for (Node n : s.getValue()) {
      out.add(new YNode(doc, n, "item " + (out.size() + 1) + " of " + what));
    }
    return out;
  }

  /** The scalar's text with ${param} replaced by the parameter's value. */
  String text() {
    if (!(node instanceof ScalarNode s)) {
      throw error("expected a single value for " + what + ", got " + kind());
    }
    String raw = s.getValue();
    if (raw.indexOf('$') < 0) {
      return raw;
    }
    Matcher m = PARAM.matcher(raw);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = doc.substitution(m.group(1));
      if (v == null) {
        throw error("unknown parameter '" + m.group(1) + "' in " + what + "; declare it under parameters:");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** A name: letters, digits, '_', '-', '.', '@', and the repetition templates '<n>', '<n+1>', '<n-1>'. */
  String name() {
    String t = text();
    if (!t.matches("[A-Za-z0-9_.@<>+\\-]+")) {
      throw error("expected a name for " + what + " (letters, digits, _ - . @), got '" + t + "'");
    }
    return t;
  }

  long integer(long min, long max) {
    String t = text().replace("_", "");
    long v;
    try {
      v = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw error("expected a whole number for " + what + ", got '" + text() + "'");
    }
    if (v < min || v > max) {
      throw error(what + " must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  double number(double min, double max) {
    double v;
    try {
      v = Double.parseDouble(text().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("expected a number for " + what + ", got '" + text() + "'");
    }
    if (!(v >= min && v <= max)) {
      throw error(what + " must be between " + min + " and " + max + ", got " + text());
    }
    return v;
  }

  boolean bool() {
    String t = text();
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    throw error("expected true or false for " + what + ", got '" + t + "'");
  }

  /** A duration such as 10ms or 2h (a bare number is nanoseconds). */
  long duration() {
    long ns = Quantities.durationNs(text());
    if (ns < 0) {
      throw error("expected a duration for " + what + " (e.g. 500us, 10ms, 2s, 1h), got '" + text() + "'");
    }
    return ns;
  }

  /** A size such as 64, 4K or 1M (bytes). */
  long bytes(long max) {
    long b = Quantities.bytes(text());
    if (b < 0 || b > max) {
      throw error("expected a size in bytes up to " + max + " for " + what + " (e.g. 48, 4K), got '" + text() + "'");
    }
    return b;
  }

  /** One of the given words. */
  String oneOf(List<String> allowed) {
    String t = text();
    if (!allowed.contains(t)) {
      throw error("unknown " + what + " '" + t + "'" + Suggest.nearest(t, allowed) + "; expected one of "
          + String.join(", ", allowed));
    }
    return t;
  }

  private String kind() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    String v = ((ScalarNode) node).getValue();
    return v.isEmpty() ? "nothing" : "'" + v + "'";
  }
}
