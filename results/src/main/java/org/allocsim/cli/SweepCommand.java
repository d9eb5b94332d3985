package org.allocsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.allocsim.params.Limit;
import org.allocsim.params.Parameters;
import org.allocsim.report.OutputFolder;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioParameter;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.strategy.Strategies;
import org.allocsim.sweep.RunStore;
import org.allocsim.sweep.SweepOutputs;
import org.allocsim.sweep.SweepPlan;
import org.allocsim.sweep.SweepResults;
import org.allocsim.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim sweep FILE --vary key=v1,v2}: a parameter sweep, resumable and shardable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Runs a scenario over the cartesian product of varied parameters x strategies x replications, "
        + "in parallel, and writes sweep.csv, summary.json, summary.txt and charts/ to out/<scenario>-sweep/summary/. "
        + "Completed runs are kept in runs/: the same command again resumes an interrupted sweep.")
final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", description = "scenario file")
  Path file;

  @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", required = true,
      description = "a parameter and its values (any key 'allocsim params FILE' lists); repeat for more")
  List<String> vary = new ArrayList<>();

  @Option(names = "--strategies", split = ",", paramLabel = "NAME", description = "strategies (default: all)")
  List<String> strategies = new ArrayList<>();

  @Option(names = "--replications", paramLabel = "N", description = "replications per point (default 1)")
  int replications = 1;

  @Option(names = "--seed", paramLabel = "N", description = "run seed (default: the scenario's)")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", parameterConsumer = SetOption.class,
      description = "fix a parameter for the whole sweep")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** A kernel version's parameter set for the whole sweep; the same as --set preset=NAME. */
  @Option(names = "--preset", paramLabel = "NAME", description = "follow a kernel version's parameters, e.g."
      + " --preset v6.4 (or --vary preset=v6.4,v6.7)")
  void preset(String name) {
    overrides.put("preset", name);
  }

  @Option(names = "--threads", paramLabel = "N", description = "parallel runs (default: all cores); outputs "
      + "never depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: out/<scenario>-sweep/, or "
      + "out/<scenario>-sweep-shard-I-of-N/)")
  Path out;

  @Option(names = "--shard", paramLabel = "I/N", description = "run only runs whose index mod N is I-1, into a "
      + "shard folder for 'allocsim merge'")
  String shard;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    Strategies installed = Strategies.installed();
    List<String> names = StrategyOption.check(strategies, installed, cl);
    if (replications > Limit.REPLICATIONS.value()) {
      throw new CommandLine.ParameterException(cl, "--replications must be from 1 to "
          + Limit.REPLICATIONS.value() + ", got " + replications + "; " + Limit.REPLICATIONS.explain());
    }
    if (threads < 1 || replications < 1) {
      throw new CommandLine.ParameterException(cl, (threads < 1 ? "--threads" : "--replications")
          + " must be at least 1");
    }
    SweepRunner.Shard part;
    try {
      part = shard == null ? SweepRunner.Shard.ALL : SweepRunner.Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    ScenarioReader reader = new ScenarioReader(installed);
    ScenarioFile base = reader.read(file, new Parameters(overrides));
    Map<String, List<String>> varied = Vary.parse(vary, base.parameters().stream().map(ScenarioParameter::key)
        .toList(), overrides.keySet(), cl);
    SweepPlan plan = new SweepPlan(base.name(), base.description(), file.toString(), SweepPlan.sha256(base.text()),
        seed != null ? seed : base.seed(), overrides, varied, names, replications);
    // Read every point before running anything: a bad value fails now, not an hour in.
    List<ScenarioFile> points = new ArrayList<>();
    for (int p = 0; p < plan.points().size(); p++) {
      points.add(reader.read(file, new Parameters(plan.parametersOf(p))));
    }
    Path folder = out != null ? out : SweepRunner.defaultFolder(plan.scenario(), part);
    claim(folder, plan, cl, out != null ? "--out: " : "");
    RunStore store = new RunStore(folder, plan);
    store.removeStaleTemporaries();
    List<Integer> pending = SweepRunner.pending(plan, part, store);
    int inShard = (int) java.util.stream.IntStream.range(0, plan.size()).filter(part::has).count();
    PrintWriter stdout = cl.getOut();
    stdout.printf("sweep %s: %d points x %d strategies x %d replications = %d runs; %s%d to run, %d already "
        + "done%n", plan.scenario(), plan.points().size(), names.size(), replications, plan.size(),
        part.count() > 1 ? "shard " + part.number() + "/" + part.count() + ": " : "", pending.size(),
        inShard - pending.size());
    try (Progress progress = Progress.runs(plan.scenario() + " sweep", pending.size(), quiet)) {
      SweepRunner.run(plan, pending, points::get, store, installed, threads, progress::step);
    }
    if (part.count() > 1) {
      stdout.println("shard " + part.number() + "/" + part.count() + " complete in " + folder
          + "/; combine the shards with: allocsim merge DIR...");
      return 0;
    }
    SweepOutputs.write(SweepResults.read(plan, store), folder);
    stdout.print(read(folder.resolve(SweepOutputs.SUMMARY).resolve("summary.txt")));
    stdout.println("outputs in " + folder + "/");
    return 0;
  }

  /** Writes the plan into the folder, or checks that the folder's plan is this one (a resumed sweep). */
  static void claim(Path folder, SweepPlan plan, CommandLine cl, String option) {
    OutputFolder.requireOwn(folder, option);
    Path p = folder.resolve("plan.json");
    if (Files.exists(p)) {
      if (!read(p).equals(plan.toJson())) {
        throw new CommandLine.ParameterException(cl, "--out: " + folder + " holds another sweep (its plan.json "
            + "differs); choose another --out or remove it");
      }
      return;
    }
    OutputFolder.claim(folder);
    SweepOutputs.file(folder, "plan.json", plan.toJson().getBytes(StandardCharsets.UTF_8));
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }
}
