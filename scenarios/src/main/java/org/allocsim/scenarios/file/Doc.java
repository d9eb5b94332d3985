package org.allocsim.scenarios.file;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.allocsim.params.Limit;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One parsed YAML document: the node tree with marks, the file name for messages, and the parameter values that
 * {@code ${name}} in a scalar stands for.
 */
final class Doc {
  /** Anything larger is not a scenario: refuse before parsing (a hostile file cannot exhaust memory). */
  static final int MAX_BYTES = 4 << 20;

  private final String file;
  private final Map<String, String> substitutions;

  private Doc(String file) {
    this.file = file;
    this.substitutions = new java.util.HashMap<>();
  }

  /** Parses text; ${name} resolves against {@link #define} calls made before a scalar is read. */
  static YNode parse(String file, String text) {
    Doc doc = new Doc(file);
    if (text.length() > MAX_BYTES) {
      throw new ScenarioError(file, 1, 1, "file is larger than " + (MAX_BYTES >> 20) + " MiB; not a scenario");
    }
    LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50).setAllowRecursiveKeys(false).setCodePointLimit(MAX_BYTES).build();
    Optional<Node> root;
    try {
      checkDepth(file, settings, text);
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      throw new ScenarioError(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
          "YAML syntax: " + plain(e.getProblem()));
    } catch (YamlEngineException e) {
      throw new ScenarioError(file, 1, 1, "YAML syntax: " + e.getMessage());
    }
    if (root.isEmpty()) {
      throw new ScenarioError(file, 1, 1, "the file is empty; expected a scenario (a mapping with 'name:')");
    }
    return new YNode(doc, root.get(), "the scenario");
  }

  /**
   * Walks the parser's events (a loop, not a recursion) and refuses nesting deeper than the limit before the
   * composer, which recurses, sees it (issue 15: 2,000 nested flow sequences overflowed the stack).
   */
  private static void checkDepth(String file, LoadSettings settings, String text) {
    long limit = Limit.YAML_DEPTH.value();
    int depth = 0;
    for (Event e : new Parse(settings).parseString(text)) {
      if (e instanceof CollectionStartEvent) {
        if (++depth > limit) {
          Mark m = e.getStartMark().orElse(null);
          throw new ScenarioError(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
              "YAML nested deeper than " + limit + " levels; " + Limit.YAML_DEPTH.explain());
        }
      } else if (e instanceof CollectionEndEvent) {
        depth--;
      }
    }
  }

  /** SnakeYAML's parser words, said plainly (issue 16: a bad indent read "expected <block end>, but found …"). */
  static String plain(String problem) {
    if (problem != null && problem.startsWith("expected <block end>, but found")) {
      return "bad indentation: this line does not line up with the keys or items above it (" + problem
          .substring("expected <block end>, but ".length()).replace("'<block mapping start>'", "a new key")
          .replace("'<block sequence start>'", "a new list") + "); indent every key of one mapping, and every "
          + "'-' of one list, to the same column";
    }
    if ("mapping values are not allowed here".equals(problem)) {
      return "a ':' where no key can start: a key indented wrongly, or an unquoted value holding ': ' (quote it)";
    }
    return problem;
  }

  String file() {
    return file;
  }

  void define(String name, String value) {
    substitutions.put(name, value);
  }

  /** A parameter's text for ${name}, or null when undeclared. */
  String substitution(String name) {
    return substitutions.get(name);
  }
}
