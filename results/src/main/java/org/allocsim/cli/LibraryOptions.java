package org.allocsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options check and bless share: scenario files (the whole library by default), threads, --quiet. */
final class LibraryOptions {
  @CommandLine.Parameters(paramLabel = "FILE", arity = "0..*", description = "scenario files (default: library)")
  List<Path> files = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "parallel runs (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  /** A bar of completed runs on a terminal (the library check takes a minute or more), unless --quiet. */
  Progress progress(String task, int runs) {
    return Progress.runs(task, runs, quiet);
  }

  /** The files given, or the library's; refuses an empty set, as there would be nothing to check. */
  List<Path> targets(CommandLine cl) {
    List<Path> targets = files.isEmpty() ? Library.files() : files;
    if (targets.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "no scenario files: none given, and no library at "
          + Library.folder());
    }
    return targets;
  }
}
