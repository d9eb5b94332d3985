package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.report.SummaryTable;
import org.allocsim.scenarios.builtin.KatranReload;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim run}: runs scenarios under each strategy and prints the summary table. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs scenario files (or, with none, the built-in katran-reload scenario) under each strategy "
        + "and prints a summary table.")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", arity = "0..*", description = "scenario files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      description = "strategies to run (default: all, in 'allocsim list' order)")
  List<String> strategies = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "run seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--records", paramLabel = "N", description = "at most N trace records (default: ${DEFAULT-VALUE})")
  long records = 1_000_000;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a parameter, e.g. --set cpus=8")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Strategies installed = Strategies.installed();
    List<String> names = strategies.isEmpty() ? installed.names() : strategies;
    for (String n : names) {
      if (!installed.has(n)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown strategy '" + n + "'; known: "
            + String.join(", ", installed.names()));
      }
    }
    if (records <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--records must be positive, got " + records);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (files.isEmpty()) {
      Parameters parameters = ParameterCheck.validated(new Parameters(overrides), installed, spec.commandLine());
      print(out, KatranReload.spec(records, seed, parameters), names, installed);
      return 0;
    }
    ScenarioReader reader = new ScenarioReader(installed);
    List<ScenarioFile> scenarios = new ArrayList<>();
    for (Path f : files) {
      scenarios.add(reader.read(f, new Parameters(overrides)));
    }
    for (ScenarioFile f : scenarios) {
      print(out, ScenarioRuns.spec(f, seedGiven() ? seed : f.seed(), 0), names, installed);
    }
    return 0;
  }

  private boolean seedGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--seed");
  }

  private static void print(PrintWriter out, RunSpec run, List<String> names, Strategies installed) {
    List<RunResult> results = new ArrayList<>();
    for (String n : names) {
      results.add(Simulation.run(run, installed.create(n)));
    }
    out.println("scenario " + run.name() + ", seed " + run.seed() + ", " + results.get(0).summary().records()
        + " records");
    out.print(SummaryTable.render(results));
  }
}
