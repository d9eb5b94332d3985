package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example scenario of the README's first hour and of docs/scenario-format.md is one text, it runs, it has
 * traffic, and the console table the README shows for it is the one a run prints.
 */
class FirstScenarioTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern EXAMPLE = Pattern.compile("<!-- example: my-flows\\.yaml[^>]*-->\n```yaml\n(.*?)```",
      Pattern.DOTALL);

  @TempDir
  Path tmp;

  private static String example(String page) throws IOException {
    Matcher m = EXAMPLE.matcher(Files.readString(ROOT.resolve(page)));
    assertTrue(m.find(), page + " has no my-flows.yaml example");
    return m.group(1);
  }

  /** The table rows of the README's "$ ./allocsim run my-flows.yaml" block. */
  private static List<String> readmeTable() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int at = readme.indexOf("$ ./allocsim run my-flows.yaml\n");
    assertTrue(at >= 0, "README shows no run of my-flows.yaml");
    String block = readme.substring(at, readme.indexOf("```", at));
    return Arrays.stream(block.split("\n")).skip(1).map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void theExampleRunsWithTrafficAndPrintsTheReadmesTable() throws IOException {
    String text = example("README.md");
    assertEquals(text, example("docs/scenario-format.md"), "README and docs/scenario-format.md differ");
    assertTrue(text.startsWith("# yaml-language-server: $schema=scenarios/scenario.schema.json\n"));
    assertTrue(Files.isRegularFile(ROOT.resolve("scenarios/scenario.schema.json")));
    Path file = tmp.resolve("my-flows.yaml");
    Files.writeString(file, text);
    Path out = tmp.resolve("out");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = Main.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--quiet"},
        new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertEquals(0, status, stderr.toString());

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertTrue(summary.toString().contains("my-flows"));
    List<String> printed = Arrays.stream(stdout.toString().split("\n")).map(String::stripTrailing)
        .filter(l -> !l.isEmpty()).toList();
    List<String> shown = readmeTable();
    // The first line names the output folder, which differs; the table must be the same line for line.
    assertEquals(shown.subList(1, shown.size()), printed.subList(1, shown.size()));
    assertTrue(printed.get(0).startsWith("scenario my-flows, seed 1, ") && printed.get(0).contains(" records"));
    long records = Long.parseLong(printed.get(0).replaceAll(".*seed 1, ([0-9]+) records.*", "$1"));
    assertTrue(records > 100_000, "traffic: " + records + " records");
  }
}
