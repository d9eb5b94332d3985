package org.allocsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.allocsim.conformance.Calibration;
import org.allocsim.conformance.KernelCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim kernel FILE... | --calibrate}: the model of the landed kernel against the running kernel. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
    description = "Runs scenarios on the live Linux kernel (clang-19, bpftool, root) and compares them event by "
        + "event with the global strategy; exit status 1 on a disagreement not in the known-differences file, 2 "
        + "when no kernel is at hand. --calibrate measures slab bytes per object and the free delay instead.")
final class KernelCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", arity = "0..*", description = "scenario files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/kernel, or "
      + "out/kernel-calibration with --calibrate)")
  Path out;

  @Option(names = "--calibrate", description = "measure the kernel's slab bytes per object and free delay")
  boolean calibrate;

  @Option(names = "--known", paramLabel = "FILE", description = "known differences (default: " + "${DEFAULT-VALUE})",
      defaultValue = "scenarios/conformance/known-differences.csv")
  Path known;

  @Option(names = "--max-records", paramLabel = "N", defaultValue = "20000",
      description = "scenarios with more records compare control events only (default: ${DEFAULT-VALUE})")
  long maxRecords;

  @Option(names = "--sizes", split = ",", paramLabel = "BYTES", description = "with --calibrate: object sizes "
      + "(default: 48,88,120,248,504,1016, one per size class from 64 to 1024 bytes)")
  List<Integer> sizes = new ArrayList<>();

  @Option(names = "--quiet", description = "no progress lines")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!calibrate && files.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "expected scenario files or --calibrate");
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--known") && !Files.exists(known)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--known: no such file: " + known);
    }
    Optional<String> missing = KernelCheck.missing();
    if (missing.isPresent()) {
      err.println("allocsim: kernel: " + missing.get());
      return KernelCheck.NO_KERNEL;
    }
    boolean show = !quiet && System.console() != null;
    if (calibrate) {
      Path dir = out != null ? out : Path.of("out/kernel-calibration");
      for (int s : sizes) {
        if (s < 1 || s > 4088) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--sizes: expected 1..4088 bytes, got " + s);
        }
      }
      Calibration.run(dir, stdout, line -> {
        if (show) {
          err.println(line);
        }
      }, sizes.isEmpty() ? Calibration.SIZES : sizes.stream().mapToInt(Integer::intValue).toArray());
      return 0;
    }
    KernelCheck.Totals t = KernelCheck.run(new KernelCheck.Options(files, out != null ? out : Path.of("out/kernel"),
        Files.exists(known) ? known : null, maxRecords), stdout, name -> {
          if (show) {
            err.println("kernel: " + name);
          }
        });
    return t.unexplained() == 0 ? 0 : 1;
  }
}
