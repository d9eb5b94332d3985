package org.allocsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema that editors use agrees with the reader: library files pass, structural mistakes fail; it explains
 * every key with a description and a valid example, and every library file points editors at it.
 */
class SchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The line that gives YAML language servers the schema, as a library file (one folder down) writes it. */
  static final String EDITOR_LINE = "# yaml-language-server: $schema=../scenario.schema.json";

  private static JsonNode schemaNode() throws IOException {
    return new ObjectMapper().readTree(Path.of("scenario.schema.json").toFile());
  }

  private static JsonSchema schema() throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode());
  }

  /** Every schema under a "properties" map, by its JSON pointer. */
  private static void keys(JsonNode node, String at, Map<String, JsonNode> out) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        for (Map.Entry<String, JsonNode> e : props.properties()) {
          out.put(at + "/properties/" + e.getKey(), e.getValue());
        }
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        keys(e.getValue(), at + "/" + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        keys(node.get(i), at + "/" + i, out);
      }
    }
  }

  @Test
  void everyKeyHasADescriptionAndAnExampleThatValidates() throws IOException {
    JsonNode root = schemaNode();
    Map<String, JsonNode> keys = new java.util.TreeMap<>();
    keys(root, "#", keys);
    assertTrue(keys.size() > 100, "keys found: " + keys.size());
    List<String> problems = new ArrayList<>();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    for (Map.Entry<String, JsonNode> k : keys.entrySet()) {
      JsonNode key = k.getValue();
      if (!key.path("description").isTextual() || key.path("description").asText().isBlank()) {
        problems.add(k.getKey() + ": no description");
      }
      if (!key.path("examples").isArray() || key.path("examples").isEmpty()) {
        problems.add(k.getKey() + ": no example");
        continue;
      }
      // The key's own schema, with the definitions its $refs point into.
      ObjectNode own = key.deepCopy();
      own.set("definitions", root.get("definitions"));
      JsonSchema check = factory.getSchema(own);
      for (JsonNode example : key.get("examples")) {
        Set<ValidationMessage> errors = check.validate(example);
        if (!errors.isEmpty()) {
          problems.add(k.getKey() + ": example " + example + " is invalid: " + errors);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyLibraryFileStartsWithTheEditorLine() throws IOException {
    assertTrue(Files.isRegularFile(Path.of("library").resolve("../scenario.schema.json")));
    for (Path f : yaml("library")) {
      assertEquals(EDITOR_LINE, Files.readAllLines(f).get(0), f.toString());
    }
  }

  private static List<Path> yaml(String folder) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(folder))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void everyLibraryScenarioMatchesTheSchema() throws IOException {
    JsonSchema schema = schema();
    List<Path> library = yaml("library");
    assertFalse(library.isEmpty());
    for (Path f : library) {
      Set<ValidationMessage> errors = schema.validate(YAML.readTree(f.toFile()));
      assertEquals(Set.of(), errors, f.toString());
    }
  }

  @Test
  void structuralMistakesInTheBadCatalogueFailTheSchemaToo() throws IOException {
    JsonSchema schema = schema();
    for (String name : List.of("03-unknown-top-key", "04-missing-name", "06-unknown-map-type",
        "12-unknown-step", "13-step-two-kinds", "28-pin-outside-bpffs")) {
      Path f = Path.of("bad", name + ".yaml");
      assertTrue(!schema.validate(YAML.readTree(f.toFile())).isEmpty(), f + " should fail the schema");
    }
  }
}
