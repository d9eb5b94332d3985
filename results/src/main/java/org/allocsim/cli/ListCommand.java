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

/** {@code allocsim list}: the strategies with their rule, and the library scenarios with their purpose. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists strategies and library scenarios.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
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
}
