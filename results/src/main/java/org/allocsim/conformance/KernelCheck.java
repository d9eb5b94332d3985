package org.allocsim.conformance;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.allocsim.params.Parameters;
import org.allocsim.report.OutputFolder;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;

/** The {@code allocsim kernel} run: scenarios on the live kernel against {@code global}, into one folder. */
public final class KernelCheck {
  /** Exit status when no kernel is at hand, as for bad input. */
  public static final int NO_KERNEL = 2;

  /**
   * What a check run needs.
   *
   * @param files scenario files
   * @param out output folder
   * @param knownDifferences the checked-in file of understood differences, or null
   * @param maxRecords scenarios with more trace records compare their control events only
   */
  public record Options(List<Path> files, Path out, Path knownDifferences, long maxRecords) {}

  /** The totals of a run. */
  public record Totals(int scenarios, int notRun, long events, long loads, long agree, long unexplained,
      String kernelRelease) {}

  private KernelCheck() {}

  /** What is missing for the kernel check, as one line with the way to get it; empty when nothing is. */
  public static Optional<String> missing() {
    Shell shell = new Shell();
    Optional<String> m = Prerequisites.missing(shell);
    shell.drainLog();
    return m;
  }

  /** Reads every file first (bad input fails before anything runs), then checks each; tells progress per file. */
  public static Totals run(Options o, PrintWriter out, Consumer<String> progress) throws java.io.IOException {
    ScenarioReader reader = new ScenarioReader();
    List<ScenarioFile> scenarios = new ArrayList<>();
    for (Path f : o.files()) {
      scenarios.add(reader.read(f, Parameters.EMPTY));
    }
    KnownDifferences known = o.knownDifferences() == null ? KnownDifferences.none()
        : KnownDifferences.read(o.knownDifferences());
    Shell shell = new Shell();
    String bpftool = Prerequisites.which("bpftool").orElseThrow();
    Path root = Path.of("/sys/fs/bpf", "allocsim-" + ProcessHandle.current().pid());
    List<ScenarioCheck> checks = new ArrayList<>();
    KernelFacts facts;
    try (OutputFolder folder = OutputFolder.create(o.out()); Bpffs fs = new Bpffs(shell, bpftool, root)) {
      facts = KernelFacts.read(fs);
      Conformance c = new Conformance(shell, bpftool, root, facts.vmlinuxStructs(), known, o.maxRecords());
      for (ScenarioFile f : scenarios) {
        progress.accept(f.name());
        try {
          checks.add(c.check(f, folder.resolve(f.name() + "/scenario.txt").getParent()));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
          // A tool that failed (clang-19, bpftool, the runner) is a disagreement to look at, not a crash.
          String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
          checks.add(new ScenarioCheck(f.name(), null, List.of(new Event(f.name(), "run", "error: " + first,
              "completed", false, known.explain(f.name(), "run"))), ""));
        }
      }
      String text = ConformanceReport.text(checks, facts.release());
      folder.write("conformance.csv", ConformanceReport.csv(checks));
      folder.write("conformance.txt", text);
      folder.commit();
      out.print(text);
    }
    long events = 0;
    long loads = 0;
    long agree = 0;
    long unexplained = 0;
    int notRun = 0;
    for (ScenarioCheck c : checks) {
      notRun += c.notRun() != null ? 1 : 0;
      events += c.events().size();
      loads += c.loads();
      agree += c.agreeing();
      unexplained += c.unexplained();
    }
    return new Totals(checks.size() - notRun, notRun, events, loads, agree, unexplained, facts.release());
  }
}
