package org.allocsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.allocsim.bench.Bench;
import org.allocsim.bench.BenchFigures;
import org.allocsim.bench.BenchText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim bench [--json]}: replay speed and memory on one fixed workload (issue 8). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures replay speed per strategy against naive DSOL and a plain loop, heap per live object, "
        + "a streamed long trace, the library check and the parallel speed-up, on one fixed 4-CPU workload.")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Option(names = "--repetitions", paramLabel = "N", description = "timed repetitions per replay (default: 3)")
  int repetitions = 3;

  @Option(names = "--long-records", paramLabel = "N",
      description = "records of the streamed long trace in a -Xmx512m JVM (default: 12000000; 0 skips it)")
  long longRecords = 12_000_000L;

  @Option(names = "--quiet", description = "no progress lines on stderr")
  boolean quiet;

  /** Workload size for tests; the figures are meaningless below 1. */
  @Option(names = "--scale", hidden = true)
  double scale = 1;

  @Override
  public Integer call() {
    if (repetitions < 1 || !(scale > 0) || longRecords < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repetitions must be >= 1, --scale > 0 and --long-records >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Bench bench = new Bench(scale, repetitions, Math.min(3, repetitions), longRecords, 7, Library.files());
    BenchFigures f = bench.run(line -> {
      if (!json && !quiet) {
        err.println("bench: " + line);
        err.flush();
      }
    });
    out.print(json ? BenchText.json(f) + "\n" : BenchText.table(f));
    out.flush();
    return 0;
  }
}
