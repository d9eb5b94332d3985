package org.allocsim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.RunResult;
import org.allocsim.scenarios.file.ExpectationFiles;

/**
 * Expectations kept in a strategy's own file ({@link ExpectationFiles}): which strategies have none yet, and
 * writing them. A strategy added to the library's seven is recorded there on its first check, so that adding it
 * rewrites no scenario file.
 */
public final class OwnExpectations {
  private OwnExpectations() {}

  /**
   * Strategies run that have no expectation in any of these scenarios nor in any other scenario file of their
   * folders, inline or in a file of their own: the strategies added since the library was written. A new scenario
   * file without an expect: block is not one of them; its block is written as the others' were.
   */
  public static Set<String> unrecorded(List<LibraryRuns.Outcome> outcomes) {
    Set<String> out = new LinkedHashSet<>();
    for (LibraryRuns.Outcome o : outcomes) {
      o.results().forEach(r -> out.add(r.strategy()));
    }
    Set<Path> folders = new LinkedHashSet<>();
    for (LibraryRuns.Outcome o : outcomes) {
      out.removeIf(s -> o.scenario().expectations().containsKey(s)
          || Files.exists(ExpectationFiles.of(o.scenario().path(), s)));
      folders.add(o.scenario().path().toAbsolutePath().getParent());
    }
    for (Path folder : folders) {
      if (!out.isEmpty()) {
        out.removeAll(ExpectationFiles.inlineStrategies(folder));
      }
    }
    return out;
  }

  /** Whether strategy's expectations for this scenario belong in its own file rather than the expect: block. */
  public static boolean ownFile(LibraryRuns.Outcome o, String strategy) {
    return Files.exists(ExpectationFiles.of(o.scenario().path(), strategy));
  }

  /**
   * Writes strategy's runs into its own files (one per scenario folder), replacing its entries for these scenarios
   * and keeping the others; returns the files written.
   */
  public static List<Path> write(List<LibraryRuns.Outcome> outcomes, String strategy) {
    Map<Path, List<RunResult>> byFile = new LinkedHashMap<>();
    for (LibraryRuns.Outcome o : outcomes) {
      for (RunResult r : o.results()) {
        if (r.strategy().equals(strategy)) {
          byFile.computeIfAbsent(ExpectationFiles.of(o.scenario().path(), strategy), f -> new ArrayList<>()).add(r);
        }
      }
    }
    byFile.forEach((file, results) -> {
      try {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.writeString(tmp, ExpectationFiles.rewrite(before, strategy, results), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    });
    return new ArrayList<>(byFile.keySet());
  }
}
