package org.allocsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.allocsim.kernel.RecordStream;
import org.allocsim.report.TraceStatsTable;
import org.allocsim.scenarios.trace.TraceSummary;
import org.allocsim.scenarios.trace.Traces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code allocsim trace stats FILE}: counts, span, rate and key ranges of a trace, in one streaming pass. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Summarises a trace: records per program, step and CPU, time span, mean rate, key ranges.")
final class TraceStatsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "trace to summarise")
  Path file;

  @Override
  public Integer call() throws IOException {
    Traces format = Traces.detect(file);
    TraceSummary summary;
    try (RecordStream records = format.open(file)) {
      summary = TraceSummary.of(records);
    }
    spec.commandLine().getOut().print(TraceStatsTable.render("trace " + file + " (" + format.formatName() + ")",
        summary));
    return 0;
  }
}
