package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command lines the README and docs/ show exist: every {@code ./allocsim …} line of a code block and every
 * {@code `allocsim …`} span names a real command and only options that command has; the README's command table and
 * {@code allocsim list} name every command.
 */
class ReadmeCommandsTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern CODE_BLOCK = Pattern.compile("```[a-z]*\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CODE_SPAN = Pattern.compile("`((?:\\./)?allocsim [^`]+)`");

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** Command lines of one page: code-block lines starting with ./allocsim (after "$ "), and code spans. */
  static List<String> commandLines(String text) {
    List<String> lines = new ArrayList<>();
    Matcher block = CODE_BLOCK.matcher(text);
    while (block.find()) {
      for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
        String l = line.strip();
        l = l.startsWith("$ ") ? l.substring(2) : l;
        if (l.startsWith("./allocsim ")) {
          lines.add(l);
        }
      }
    }
    Matcher span = CODE_SPAN.matcher(text.replaceAll("(?s)```.*?```", ""));
    while (span.find()) {
      lines.add(span.group(1).replace("\n", " "));
    }
    return lines;
  }

  /** Why a command line does not parse, or null when every command and option it names exists. */
  static String problem(String line) {
    String l = line.replaceFirst("\\s+#.*$", "").replaceAll("\\s[0-9]?>\\S*", " ");
    List<String> words = new ArrayList<>();
    for (String w : l.split("\\s+")) {
      String t = w.replaceAll("^[\\[(]+|[\\])]+$", "").replace("…", "");
      if (!t.isEmpty() && !t.equals("|") && !t.equals("...")) {
        words.add(t);
      }
    }
    CommandSpec spec = new CommandLine(new Main()).getCommandSpec();
    int i = 1; // words[0] is allocsim or ./allocsim
    while (i < words.size() && spec.subcommands().containsKey(words.get(i))) {
      spec = spec.subcommands().get(words.get(i)).getCommandSpec();
      i++;
    }
    if (spec.parent() == null) {
      return "no command: " + line;
    }
    for (; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith("-") && w.length() > 1 && !w.matches("-[0-9].*")) {
        String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
        if (spec.findOption(name) == null) {
          return "'" + spec.qualifiedName() + "' has no option " + name + ": " + line;
        }
      }
    }
    return null;
  }

  @Test
  void everyCommandLineShownNamesRealCommandsAndOptions() throws IOException {
    List<String> problems = new ArrayList<>();
    int seen = 0;
    for (Path page : pages()) {
      for (String line : commandLines(Files.readString(page))) {
        seen++;
        String p = problem(line);
        if (p != null) {
          problems.add(page.getFileName() + ": " + p);
        }
      }
    }
    assertTrue(seen > 40, "command lines found: " + seen);
    assertEquals(List.of(), problems);
  }

  @Test
  void theCheckerCatchesAnUnknownCommandAndAnUnknownOption() {
    assertTrue(problem("./allocsim runn x.yaml") != null);
    assertTrue(problem("./allocsim run x.yaml --sed 3").contains("has no option --sed"));
    assertTrue(problem("./allocsim trace stats --format x").contains("'allocsim trace stats' has no option"));
    assertEquals(null, problem("./allocsim sweep FILE --vary KEY=V1,V2,… [--strategies …] [--replications N]"));
  }

  private static Set<String> commandNames() {
    Set<String> names = new LinkedHashSet<>();
    collect(new CommandLine(new Main()).getCommandSpec(), names);
    return names;
  }

  private static void collect(CommandSpec spec, Set<String> names) {
    for (CommandLine sub : spec.subcommands().values()) {
      CommandSpec c = sub.getCommandSpec();
      names.add(c.qualifiedName().substring("allocsim ".length()));
      collect(c, names);
    }
  }

  @Test
  void theReadmeTableAndAllocsimListNameEveryCommand() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    StringWriter out = new StringWriter();
    PrintWriter err = new PrintWriter(new StringWriter());
    assertEquals(0, Main.execute(new String[] {"list"}, new PrintWriter(out, true), err));
    String listed = out.toString();
    Set<String> names = commandNames();
    assertTrue(names.contains("trace record"), names.toString());
    for (String name : names) {
      if (!name.equals("trace")) {
        assertTrue(readme.contains("| `" + name + "` |"), "README command table lacks " + name);
      }
      assertTrue(Pattern.compile("(?m)^  " + Pattern.quote(name) + " ").matcher(listed).find(),
          "allocsim list lacks " + name + ":\n" + listed);
    }
  }
}
