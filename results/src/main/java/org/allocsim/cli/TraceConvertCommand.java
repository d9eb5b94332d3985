package org.allocsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.allocsim.kernel.RecordStream;
import org.allocsim.scenarios.trace.TraceFiles;
import org.allocsim.scenarios.trace.Traces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code allocsim trace convert IN OUT}: rewrites a trace in another format; OUT appears only when complete. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Converts a trace to another format (read format from IN's extension or first bytes).")
final class TraceConvertCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "trace to read")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "trace to write (replaced only once complete)")
  Path out;

  @Option(names = "--format", paramLabel = "text|binary",
      description = "format of OUT (default: from its extension: .trace/.txt text, .bin binary)")
  String format;

  @Override
  public Integer call() throws IOException {
    Traces target = format == null ? Traces.forOutput(out) : Traces.named(format);
    Traces source = Traces.detect(in);
    long n;
    try (RecordStream records = source.open(in)) {
      n = TraceFiles.write(records, out, target);
    }
    spec.commandLine().getOut().println("wrote " + n + " records to " + out + " (" + target.formatName() + ", "
        + Files.size(out) + " bytes)");
    return 0;
  }
}
