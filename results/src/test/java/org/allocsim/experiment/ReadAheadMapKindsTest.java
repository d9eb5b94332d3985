package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * The replay's read-ahead changes nothing on the maps its short path does not address (issue 17): outer maps, LRU,
 * percpu, task storage and hash maps that model their elements. The library's scenarios are cache-resident, so under
 * the default working-set threshold they never read ahead; here the threshold is 0 and every group reads ahead.
 */
class ReadAheadMapKindsTest {
  private static final Set<String> FILES = Set.of("s04-inner-map-template.yaml", "lru-conntrack-eviction.yaml",
      "k02-percpu-counters.yaml", "k04-conntrack-update-delete.yaml", "k05-task-storage-tracer.yaml",
      "s13-shared-elem-kptr-allocator.yaml");

  @Test
  void readingAheadGivesTheOneAtATimeResultsOnEveryMapKind() throws IOException {
    List<Path> files = LibraryRegressionTest.library().stream()
        .filter(p -> FILES.contains(p.getFileName().toString())).toList();
    assertEquals(FILES.size(), files.size());
    Strategies installed = Strategies.installed();
    List<LibraryRuns.Outcome> single = with("1", () -> LibraryRuns.run(files, installed, 1));
    List<LibraryRuns.Outcome> grouped = with("16", () -> LibraryRuns.run(files, installed, 1));
    for (int i = 0; i < files.size(); i++) {
      for (int s = 0; s < installed.names().size(); s++) {
        RunResult a = single.get(i).results().get(s);
        RunResult b = grouped.get(i).results().get(s);
        String what = files.get(i).getFileName() + " " + a.strategy();
        assertFalse(a.summary().records() == 0, what + " replays records");
        assertEquals(a.summary(), b.summary(), what);
        assertEquals(a.verdicts(), b.verdicts(), what);
        assertEquals(a.violations(), b.violations(), what);
        assertEquals(a.violationCounts(), b.violationCounts(), what);
        assertEquals(a.invariantBreaches(), b.invariantBreaches(), what);
        for (Metric m : Metric.values()) {
          assertArrayEquals(a.series().values(m), b.series().values(m), what + " " + m.label());
        }
      }
    }
  }

  /** Runs with the replay group set and a working-set threshold of 0, restoring both properties after. */
  private static <T> T with(String group, Supplier<T> run) {
    String groupKey = "allocsim.replay.group";
    String thresholdKey = "allocsim.replay.readahead.bytes";
    String groupBefore = System.getProperty(groupKey);
    String thresholdBefore = System.getProperty(thresholdKey);
    try {
      System.setProperty(groupKey, group);
      System.setProperty(thresholdKey, "0");
      return run.get();
    } finally {
      restore(groupKey, groupBefore);
      restore(thresholdKey, thresholdBefore);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
