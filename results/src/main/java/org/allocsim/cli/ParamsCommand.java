package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioParameter;
import org.allocsim.scenarios.file.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim params FILE}: every parameter of a scenario, one per line, starting with its key. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = "Lists every parameter of a scenario with its value, default, unit and source.")
final class ParamsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", description = "scenario file")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE", parameterConsumer = SetOption.class,
      description = "override a parameter")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (ScenarioParameter p : new ScenarioReader().read(file, new Parameters(overrides)).parameters()) {
      out.printf("%s = %s%s (default %s; source: %s)%s%n", p.key(), p.value(),
          p.unit().isEmpty() ? "" : " " + p.unit(), p.defaultValue(), p.source(),
          p.description().isEmpty() ? "" : " — " + p.description());
    }
    return 0;
  }
}
