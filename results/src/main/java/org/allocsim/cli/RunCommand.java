package org.allocsim.cli;

import java.io.PrintWriter;
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
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim run}: runs a scenario under each strategy and prints the summary table. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the built-in katran-reload scenario under each strategy and prints a summary table.")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

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
    Parameters parameters = ParameterCheck.validated(new Parameters(overrides), installed, spec.commandLine());
    RunSpec run = KatranReload.spec(records, seed, parameters);
    List<RunResult> results = new ArrayList<>();
    for (String n : names) {
      results.add(Simulation.run(run, installed.create(n)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("scenario " + run.name() + ", seed " + seed + ", " + results.get(0).summary().records()
        + " records");
    out.print(SummaryTable.render(results));
    return 0;
  }
}
