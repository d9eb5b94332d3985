package org.allocsim.scenarios.file;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      throw new ScenarioError(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
          "YAML syntax: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ScenarioError(file, 1, 1, "YAML syntax: " + e.getMessage());
    }
    if (root.isEmpty()) {
      throw new ScenarioError(file, 1, 1, "the file is empty; expected a scenario (a mapping with 'name:')");
    }
    return new YNode(doc, root.get(), "the scenario");
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
