package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/** The check's runs come back in file and strategy order, the same whatever the threads (the look-ahead order). */
class LibraryRunsTest {
  @Test
  void resultsAreInFileAndStrategyOrderWhateverTheThreads() throws IOException {
    List<Path> files = LibraryRegressionTest.library().stream()
        .filter(p -> p.getFileName().toString().matches("s0[1-4].*")).toList();
    Strategies installed = Strategies.installed();
    List<LibraryRuns.Outcome> serial = LibraryRuns.run(files, installed, 1);
    List<LibraryRuns.Outcome> parallel = LibraryRuns.run(files, installed, 3);
    assertEquals(files.size(), serial.size());
    for (int i = 0; i < files.size(); i++) {
      assertEquals(files.get(i), serial.get(i).scenario().path());
      assertEquals(installed.names(), serial.get(i).results().stream().map(RunResult::strategy).toList());
      assertEquals(serial.get(i).results().stream().map(r -> r.scenario() + " " + r.summary()).toList(),
          parallel.get(i).results().stream().map(r -> r.scenario() + " " + r.summary()).toList());
    }
  }
}
