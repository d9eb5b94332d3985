package org.allocsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON Schema that editors use agrees with the reader: library files pass, structural mistakes fail. */
class SchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonSchema schema() throws IOException {
    JsonNode node = new ObjectMapper().readTree(Path.of("scenario.schema.json").toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
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
