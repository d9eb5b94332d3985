package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code allocsim list}: the commands, the strategies with their rules, the library scenarios with their purposes. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the commands, the strategies and the library scenarios.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("commands:");
    commands(spec.parent(), out);
    Strategies strategies = Strategies.installed();
    out.println("strategies:");
    for (String name : strategies.names()) {
      out.printf("  %-22s %s%n", name, strategies.info(name).rule());
    }
    out.println("scenarios (" + Library.folder() + "):");
    ScenarioReader reader = new ScenarioReader(strategies);
    for (Path f : Library.files()) {
      try {
        ScenarioFile s = reader.read(f, Parameters.EMPTY);
        out.printf("  %-26s %s%n", f.getFileName(), s.description());
      } catch (ScenarioError e) {
        out.printf("  %-26s (invalid: %s)%n", f.getFileName(), e.problem());
      }
    }
    return 0;
  }

  /** Every subcommand of {@code parent}, nested ones by their full name (trace convert), from picocli's model. */
  private static void commands(CommandLine.Model.CommandSpec parent, PrintWriter out) {
    for (CommandLine sub : new java.util.LinkedHashSet<>(parent.subcommands().values())) {
      CommandLine.Model.CommandSpec c = sub.getCommandSpec();
      String[] header = c.usageMessage().header();
      String[] description = c.usageMessage().description();
      String text = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      String name = c.qualifiedName().substring(c.root().name().length() + 1);
      out.print(wrapped(String.format("  %-22s ", name), text.replace("%n", " ").strip()));
      commands(c, out);
    }
  }

  /** {@code first} then {@code text} wrapped to 100 columns, continuation lines under the text's first column. */
  private static String wrapped(String first, String text) {
    StringBuilder b = new StringBuilder(first);
    int column = first.length();
    for (String word : text.split(" ")) {
      if (column > first.length() && column + 1 + word.length() > 100) {
        b.append('\n').append(" ".repeat(first.length()));
        column = first.length();
      } else if (column > first.length()) {
        b.append(' ');
        column++;
      }
      b.append(word);
      column += word.length();
    }
    return b.append('\n').toString();
  }
}
