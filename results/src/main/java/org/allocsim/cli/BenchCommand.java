package org.allocsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.allocsim.bench.Bench;
import org.allocsim.bench.BenchFigures;
import org.allocsim.bench.BenchText;
import org.allocsim.bench.ScaleCurve;
import org.allocsim.chart.Render;
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

  @Option(names = "--scale-curve", paramLabel = "FILE.svg",
      description = "instead: replay and reference records/s and heap bytes per object at 10^4..10^7 live objects, "
          + "uniform and Zipf keys; the table on stdout, the chart into FILE.svg (a new file)")
  Path curve;

  @Option(names = "--curve-live", split = ",", paramLabel = "N",
      description = "live objects of the curve's points (default: 10000,100000,1000000,10000000)")
  long[] curveLive = {10_000, 100_000, 1_000_000, 10_000_000};

  @Option(names = "--curve-strategy", paramLabel = "NAME", description = "strategy of the curve (default: global)")
  String curveStrategy = "global";

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
    if (curve != null) {
      return curve(out, err);
    }
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

  private int curve(PrintWriter out, PrintWriter err) {
    if (!curve.toString().endsWith(".svg") || Files.exists(curve)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--scale-curve: expected a new .svg file, got "
          + curve + (Files.exists(curve) ? " (it exists)" : ""));
    }
    for (long n : curveLive) {
      if (n < 100) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--curve-live: expected counts >= 100, got "
            + n);
      }
    }
    List<ScaleCurve.Point> points = new ScaleCurve(curveLive, curveStrategy).run(line -> {
      if (!quiet) {
        err.println("bench: " + line);
        err.flush();
      }
    });
    out.print(ScaleCurve.table(points));
    try {
      Files.write(curve, Render.svg(ScaleCurve.chart(points, curveStrategy), "scale"), StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--scale-curve: cannot write " + curve + ": "
          + e.getMessage());
    }
    out.println("chart in " + curve);
    out.flush();
    return 0;
  }
}
