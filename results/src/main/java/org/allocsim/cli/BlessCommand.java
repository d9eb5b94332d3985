package org.allocsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.allocsim.experiment.LibraryRuns;
import org.allocsim.scenarios.file.ExpectationWriter;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code allocsim bless [FILE...]}: rewrites expect: blocks from fresh runs; review the change with git diff. */
@Command(name = "bless", mixinStandardHelpOptions = true,
    description = "Runs scenarios (default: the whole library) and rewrites their expect: blocks from the runs. "
        + "Only the expect: block changes.")
final class BlessCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  LibraryOptions library = new LibraryOptions();

  @Override
  public Integer call() {
    List<Path> targets = library.targets(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    Strategies installed = Strategies.installed();
    List<LibraryRuns.Outcome> outcomes;
    try (Progress progress = library.progress("bless", LibraryRuns.runs(targets, installed.names()))) {
      outcomes = LibraryRuns.run(targets, installed, installed.names(), library.threads, progress::step);
    }
    for (LibraryRuns.Outcome o : outcomes) {
      Path file = o.scenario().path();
      String before = o.scenario().text();
      String after = ExpectationWriter.rewrite(before, o.results());
      if (after.equals(before)) {
        out.println(file + ": unchanged");
        continue;
      }
      write(file, after);
      out.println(file + ": expectations updated");
    }
    return 0;
  }

  /** Replaces the file only once the new text is fully written. */
  private static void write(Path file, String text) {
    try {
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".bless");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
  }
}
