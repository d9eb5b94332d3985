package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.allocsim.experiment.LibraryRuns;
import org.allocsim.experiment.Regressions;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim check [FILE...]}: the scenario library as a regression suite of strategy behaviour. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Runs scenarios (default: the whole library) under every strategy and compares them with their "
        + "expect: blocks; exit status 1 on any regression.")
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  LibraryOptions library = new LibraryOptions();

  @Option(names = "--strategies", split = ",", paramLabel = "NAME", description = "strategies (default: all)")
  List<String> strategies = new ArrayList<>();

  @Override
  public Integer call() {
    Strategies installed = Strategies.installed();
    for (String n : strategies) {
      if (!installed.has(n)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown strategy '" + n + "'; known: "
            + String.join(", ", installed.names()));
      }
    }
    List<Path> targets = library.targets(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    List<Regressions.Row> rows = new ArrayList<>();
    int runs = 0;
    List<String> names = strategies.isEmpty() ? installed.names() : strategies;
    List<LibraryRuns.Outcome> outcomes;
    try (Progress progress = library.progress("check", LibraryRuns.runs(targets, names))) {
      outcomes = LibraryRuns.run(targets, installed, names, library.threads, progress::step);
    }
    for (LibraryRuns.Outcome o : outcomes) {
      rows.addAll(Regressions.of(o));
      runs += o.results().size();
    }
    if (rows.isEmpty()) {
      out.printf("check: %d scenarios, %d runs, no regression%n", targets.size(), runs);
      return 0;
    }
    out.printf("%-24s %-20s %-24s %12s %12s %s%n", "scenario", "strategy", "metric", "expected", "got",
        "tolerance");
    for (Regressions.Row r : rows) {
      out.printf("%-24s %-20s %-24s %12s %12s %s%n", r.scenario(), r.strategy(), r.metric(), r.expected(), r.got(),
          r.tolerance());
    }
    out.printf("check: %d regressions in %d scenarios%n", rows.size(),
        rows.stream().map(Regressions.Row::scenario).distinct().count());
    return 1;
  }
}
