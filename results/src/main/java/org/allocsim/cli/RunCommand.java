package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.allocsim.experiment.StrategyRuns;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.params.Limit;
import org.allocsim.params.Parameters;
import org.allocsim.report.OutputFolder;
import org.allocsim.report.RunReport;
import org.allocsim.report.RunSet;
import org.allocsim.report.StatisticsText;
import org.allocsim.report.SummaryTable;
import org.allocsim.stats.ReplicationStatistics;
import org.allocsim.scenarios.file.Expectation;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioParameter;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim run FILE...}: runs scenarios under each strategy and writes their outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs scenario files under each strategy, prints a summary table and writes metrics, verdicts, "
        + "violations, summaries, charts and an HTML report to out/<scenario>/.")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      description = "strategies to run (default: all, in 'allocsim list' order)")
  List<String> strategies = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "run seed (default: the scenario's)")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", parameterConsumer = SetOption.class,
      description = "override a parameter, e.g. --set cpus=8")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** A kernel version's parameter set (org.allocsim.kernel.KernelPreset); the same as --set preset=NAME. */
  @Option(names = "--preset", paramLabel = "NAME", description = "follow a kernel version's parameters, e.g."
      + " --preset v6.4 (allocsim params --presets lists them)")
  void preset(String name) {
    overrides.put("preset", name);
  }

  @Option(names = "--threads", paramLabel = "N",
      description = "parallel runs (default: all cores); outputs never depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<scenario>/)")
  Path out;

  @Option(names = "--replications", paramLabel = "N",
      description = "independent replications (default 1); replication r draws from RandomStreams(seed, r), the "
          + "same for every strategy")
  int replications = 1;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() {
    Strategies installed = Strategies.installed();
    List<String> names = StrategyOption.check(strategies, installed, spec.commandLine());
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    if (replications < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--replications must be at least 1");
    }
    if (replications > Limit.REPLICATIONS.value()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--replications must be from 1 to "
          + Limit.REPLICATIONS.value() + ", got " + replications + "; " + Limit.REPLICATIONS.explain());
    }
    if (out != null && files.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out takes one scenario file");
    }
    if (out != null) {
      OutputFolder.requireOwn(out, "--out: "); // before minutes of running, not after
    }
    ScenarioReader reader = new ScenarioReader(installed);
    List<ScenarioFile> scenarios = new ArrayList<>();
    for (Path f : files) {
      scenarios.add(reader.read(f, new Parameters(overrides)));
    }
    for (ScenarioFile f : scenarios) {
      OutputFolder.requireOwn(out != null ? out : Path.of("out", f.name()));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    int status = 0;
    for (ScenarioFile f : scenarios) {
      long runSeed = seed != null ? seed : f.seed();
      List<RunSpec> runs = new ArrayList<>();
      for (int r = 0; r < replications; r++) {
        runs.add(ScenarioRuns.spec(f, runSeed, r));
      }
      List<List<RunResult>> replicated;
      try (Progress progress = Progress.start(f.name(), runs.get(0).durationNs() * names.size() * replications,
          quiet)) {
        replicated = StrategyRuns.replicated(runs, names, installed, threads, progress::reached);
      }
      List<RunResult> results = replicated.get(0);
      Path folder = out != null ? out : Path.of("out", f.name());
      RunReport.write(new RunSet(f.name(), f.description(), f.text(), values(f), runSeed, Main.version(),
          reproduce(f, runSeed, names), results, replicated), folder);
      stdout.println("scenario " + f.name() + ", seed " + runSeed + ", " + results.get(0).summary().records()
          + " records; outputs in " + folder + "/");
      if (replications > 1) {
        stdout.print(StatisticsText.means(ReplicationStatistics.of(replicated)));
      } else {
        stdout.print(SummaryTable.render(results));
      }
      if (results.stream().anyMatch(r -> r.summary().idleRuns() > 0)) {
        stdout.println("idle: records that did nothing, their program refused or not loaded (summary.txt)");
      }
      String changed = changedInputs(f, runSeed);
      if (!changed.isEmpty() && !f.expectations().isEmpty()) {
        // Expectations are a regression check of the file as written, not of a what-if run.
        stdout.println("expectations not checked: this run changes the file's inputs (" + changed + ")");
        continue;
      }
      status = Math.max(status, checkExpectations(f, results, stdout));
    }
    return status;
  }

  /** The options that make this run differ from the file as written: --set, another --seed; empty if none. */
  private String changedInputs(ScenarioFile f, long runSeed) {
    List<String> changed = new ArrayList<>();
    if (!overrides.isEmpty()) {
      changed.add("--set " + String.join(", ", overrides.keySet()));
    }
    if (runSeed != f.seed()) {
      changed.add("--seed " + runSeed + " instead of " + f.seed());
    }
    return String.join("; ", changed);
  }

  /** 1 when a strategy run here misses its expectation in the scenario. */
  private static int checkExpectations(ScenarioFile f, List<RunResult> results, PrintWriter stdout) {
    int status = 0;
    if (!f.expectations().isEmpty() && f.checkDurationNs() != f.durationNs()) {
      stdout.println("expectations are for the first " + f.checkDurationNs() / 1_000_000_000L + " s (allocsim "
          + "check); this full run is not compared with them");
      return 0;
    }
    for (RunResult r : results) {
      Expectation e = f.expectations().get(r.strategy());
      if (e == null) {
        continue;
      }
      for (Expectation.Mismatch m : e.check(r)) {
        stdout.printf("expectation failed: %s %s %s: expected %s, got %s (%s)%n", f.name(), m.strategy(),
            m.metric(), m.expected(), m.got(), m.tolerance());
        status = 1;
      }
    }
    return status;
  }

  private static Map<String, String> values(ScenarioFile f) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ScenarioParameter p : f.parameters()) {
      m.put(p.key(), p.value());
    }
    return m;
  }

  /** The exact command that reproduces this scenario's outputs. */
  private String reproduce(ScenarioFile f, long runSeed, List<String> names) {
    StringBuilder b = new StringBuilder("./allocsim run ").append(f.path()).append(" --seed ").append(runSeed);
    // All strategies by default: the list only when it is not the installed one, in its order.
    if (!names.equals(Strategies.installed().names())) {
      b.append(" --strategies ").append(String.join(",", names));
    }
    if (replications > 1) {
      b.append(" --replications ").append(replications);
    }
    new TreeMap<>(overrides).forEach((k, v) -> b.append(" --set ").append(k).append('=').append(v));
    return b.toString(); // --out and --threads change where and how fast, not what
  }
}
