package org.allocsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.allocsim.sweep.RunStore;
import org.allocsim.sweep.SweepOutputs;
import org.allocsim.sweep.SweepPlan;
import org.allocsim.sweep.SweepResults;
import org.allocsim.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim merge DIR...}: combines the shard folders of one sweep into the sweep's outputs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combines shard folders of one sweep (allocsim sweep --shard I/N) into exactly the outputs the "
        + "unsharded sweep writes.")
final class MergeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "DIR", arity = "1..*", description = "shard folders")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: out/<scenario>-sweep/)")
  Path out;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    SweepPlan plan = null;
    String planJson = null;
    List<RunStore> stores = new ArrayList<>();
    for (Path d : dirs) {
      Path p = d.resolve("plan.json");
      if (!Files.isRegularFile(p)) {
        throw new CommandLine.ParameterException(cl, "DIR: " + d + " has no plan.json; not a sweep folder");
      }
      String json = SweepCommand.read(p);
      if (planJson == null) {
        planJson = json;
        try {
          plan = SweepPlan.fromJson(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
          throw new CommandLine.ParameterException(cl, "DIR: " + p + " is not a sweep plan");
        }
      } else if (!planJson.equals(json)) {
        throw new CommandLine.ParameterException(cl, "DIR: " + d + " is a shard of another sweep than "
            + dirs.get(0));
      }
      stores.add(new RunStore(d, plan));
    }
    Path folder = out != null ? out : SweepRunner.defaultFolder(plan.scenario(), SweepRunner.Shard.ALL);
    SweepCommand.claim(folder, plan, cl, out != null ? "--out: " : "");
    RunStore target = new RunStore(folder, plan);
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      byte[] found = null;
      for (RunStore s : stores) {
        found = s.bytes(i);
        if (found != null) {
          break;
        }
      }
      if (found == null) {
        missing.add(i);
      } else if (target.get(i) == null || !java.util.Arrays.equals(target.bytes(i), found)) {
        target.copy(i, found);
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "DIR: " + missing.size() + " of " + plan.size() + " runs are in "
          + "no shard (first: run " + missing.get(0) + "); run the missing shards, or resume them, and merge again");
    }
    SweepOutputs.write(SweepResults.read(plan, target), folder);
    cl.getOut().println("merged " + dirs.size() + " folders, " + plan.size() + " runs; outputs in " + folder + "/");
    return 0;
  }
}
