package org.allocsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.RunSpec;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.scenarios.trace.TraceFiles;
import org.allocsim.scenarios.trace.Traces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code allocsim trace record SCENARIO}: writes the data-plane records a scenario generates (workload, inline
 * records and any replayed trace, merged in time order). The timeline stays in the scenario file.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Writes the record stream a scenario generates to a trace file.")
final class TraceRecordCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file")
  Path scenario;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
      description = "trace to write (.trace/.txt text, .bin binary); replaced only once complete")
  Path out;

  @Option(names = "--format", paramLabel = "text|binary", description = "format of FILE (default: from extension)")
  String format;

  @Option(names = "--seed", paramLabel = "N", description = "seed (default: the scenario's)")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", parameterConsumer = SetOption.class,
      description = "override a parameter")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    ScenarioFile f = new ScenarioReader().read(scenario, new Parameters(overrides));
    RunSpec run = ScenarioRuns.spec(f, seed != null ? seed : f.seed(), 0);
    Traces target = format == null ? Traces.forOutput(out) : Traces.named(format);
    long n;
    try (RecordStream records = run.records().apply(new RandomStreams(run.seed(), run.replication()))) {
      n = TraceFiles.write(records, out, target);
    }
    spec.commandLine().getOut().println("wrote " + n + " records of " + f.name() + " (seed " + run.seed() + ") to "
        + out + " (" + target.formatName() + ", " + Files.size(out) + " bytes)");
    return 0;
  }
}
