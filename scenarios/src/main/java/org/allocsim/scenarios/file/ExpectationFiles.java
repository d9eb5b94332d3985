package org.allocsim.scenarios.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.allocsim.kernel.RunResult;

/**
 * A strategy's expectations kept in a file of its own, {@code expectations/<strategy>.yaml} beside the scenario
 * files, keyed by scenario name; each entry reads as an entry of an {@code expect:} block. A strategy added after
 * the library was written keeps its expectations there, so that adding it rewrites no scenario file: the first
 * {@code allocsim check} records them and {@code allocsim bless} rewrites them.
 */
public final class ExpectationFiles {
  /** The folder, beside the scenario files. */
  public static final String FOLDER = "expectations";

  private ExpectationFiles() {}

  /** Where strategy's expectations for the scenarios of scenarioFile's folder live. */
  public static Path of(Path scenarioFile, String strategy) {
    Path dir = scenarioFile.toAbsolutePath().getParent();
    return dir.resolve(FOLDER).resolve(strategy + ".yaml");
  }

  /**
   * Strategies with inline expectations in any scenario file of folder (its {@code *.yaml} files, not below it).
   * A file that does not parse tells nothing and is passed over: it is read in full, with its errors, when run.
   */
  public static Set<String> inlineStrategies(Path folder) {
    Set<String> out = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
      for (Path f : files) {
        try {
          YNode top = Doc.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
          if (top.isMap() && top.map().has("expect") && top.map().get("expect").isMap()) {
            out.addAll(top.map().get("expect").map().keyNames());
          }
        } catch (ScenarioError | IOException e) {
          // not a scenario file this can read: it names no strategy
        }
      }
    } catch (IOException e) {
      // an unreadable folder names no strategy either
    }
    return out;
  }

  /** Expectations by scenario name; a malformed file is a {@link ScenarioError} naming file, line and column. */
  static Map<String, Expectation> read(Path file, String strategy) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioError(file.toString(), 1, 1, "cannot read the file: " + e.getMessage());
    }
    Map<String, Expectation> out = new LinkedHashMap<>();
    for (Map.Entry<YNode, YNode> e : Doc.parse(file.toString(), text).map().entries()) {
      out.put(e.getKey().name(), ExpectSection.expectation(strategy, e.getValue()));
    }
    return out;
  }

  /**
   * The text of a strategy's file (empty for a new one) with the entries of these runs replaced or appended, every
   * other entry kept as it was.
   */
  public static String rewrite(String text, String strategy, List<RunResult> results) {
    String out = text.isEmpty() ? "# Expectations of the " + strategy + " strategy for the scenarios beside this "
        + "folder,\n# recorded by `allocsim check` on its first run and rewritten by `allocsim bless`.\n" : text;
    for (RunResult r : results) {
      String entry = ExpectationWriter.entries(List.of(r));
      int start = ExpectationWriter.topLevelKey(out, r.scenario());
      if (start < 0) {
        out = (out.endsWith("\n") ? out : out + "\n") + entry;
      } else {
        out = out.substring(0, start) + entry + out.substring(ExpectationWriter.nextTopLevelKey(out, start));
      }
    }
    return out;
  }
}
