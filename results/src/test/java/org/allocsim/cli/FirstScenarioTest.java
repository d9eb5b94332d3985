package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example scenario of the README's first hour and of docs/scenario-format.md is one text, it runs, it has
 * traffic, and the console tables the README shows for its run, its what-if and its sweep are the ones printed.
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

  /** Each README block that shows a run of my-flows.yaml: the command's arguments, then the lines printed. */
  private static List<List<String>> readmeRuns() throws IOException {
    Matcher m = Pattern.compile("```\n\\$ \\./allocsim (run my-flows\\.yaml[^\n]*)\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(ROOT.resolve("README.md")));
    List<List<String>> runs = new ArrayList<>();
    while (m.find()) {
      List<String> run = new ArrayList<>(List.of(m.group(1)));
      Arrays.stream(m.group(2).split("\n")).map(String::stripTrailing).filter(l -> !l.isEmpty()).forEach(run::add);
      runs.add(run);
    }
    return runs;
  }

  @Test
  void theExampleRunsWithTrafficAndPrintsTheReadmesTables() throws IOException {
    String text = example("README.md");
    assertEquals(text, example("docs/scenario-format.md"), "README and docs/scenario-format.md differ");
    assertTrue(text.startsWith("# yaml-language-server: $schema=scenarios/scenario.schema.json\n"));
    assertTrue(Files.isRegularFile(ROOT.resolve("scenarios/scenario.schema.json")));
    Path file = tmp.resolve("my-flows.yaml");
    Files.writeString(file, text);
    List<List<String>> runs = readmeRuns();
    assertEquals(2, runs.size(), "the README shows a run and a what-if with --set");
    for (List<String> shown : runs) {
      List<String> args = new ArrayList<>(Arrays.asList(shown.get(0).split(" ")));
      args.set(1, file.toString());
      Path out = tmp.resolve("out-" + runs.indexOf(shown));
      args.addAll(List.of("--out", out.toString(), "--quiet"));
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      int status = Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true),
          new PrintWriter(stderr, true));
      assertEquals(0, status, stderr.toString());
      assertTrue(Files.isRegularFile(out.resolve("summary.json")));
      List<String> printed = Arrays.stream(stdout.toString().split("\n")).map(String::stripTrailing)
          .filter(l -> !l.isEmpty()).toList();
      // The first line names the output folder, which differs; the table must be the same line for line.
      assertEquals(shown.subList(2, shown.size()), printed.subList(1, shown.size() - 1), shown.get(0));
      String head = printed.get(0);
      assertTrue(head.startsWith("scenario my-flows, seed 1, ") && head.contains(" records"), head);
      assertEquals(shown.get(1).substring(0, shown.get(1).indexOf(';')), head.substring(0, head.indexOf(';')));
      long records = Long.parseLong(head.replaceAll(".*seed 1, ([0-9]+) records.*", "$1"));
      assertTrue(records > 100_000, "traffic: " + records + " records");
    }
  }

  @Test
  void theReadmesSweepOfTheExamplePrintsItsTable() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher m = Pattern.compile("```\n\\$ \\./allocsim (sweep my-flows\\.yaml[^\n]*)\n\\.\\.\\.\n(.*?)```",
        Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README shows no sweep of my-flows.yaml");
    Path file = tmp.resolve("my-flows.yaml");
    Files.writeString(file, example("README.md"));
    List<String> args = new ArrayList<>(Arrays.asList(m.group(1).split(" ")));
    args.set(1, file.toString());
    args.addAll(List.of("--out", tmp.resolve("sweep").toString(), "--quiet"));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    assertEquals(0, Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true),
        new PrintWriter(stderr, true)), stderr.toString());
    String shown = m.group(2).stripTrailing();
    assertTrue(stdout.toString().contains(shown + "\n"), "printed:\n" + stdout + "\nREADME:\n" + shown);
  }
}
