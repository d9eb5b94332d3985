package org.allocsim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.metrics.RunSummary;
import org.junit.jupiter.api.Test;

/** docs/outputs.md documents every column of every CSV, every metric and every summary figure, with its unit. */
class OutputsDocTest {
  private static String doc() throws IOException {
    return Files.readString(Path.of("..", "docs", "outputs.md"));
  }

  private static RunSet set() {
    RunSummary s = new RunSummary(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    RunResult r = new RunResult("x", "global", 1, 0, s, new MetricSeries(), List.of(), List.of(), Map.of(),
        List.of());
    return new RunSet("x", "", "", Map.of(), 1, "v", "c", List.of(r));
  }

  @Test
  void everyCsvColumnHasARow() throws IOException {
    String doc = doc();
    RunSet set = set();
    for (String csv : List.of(CsvFiles.metrics(set), CsvFiles.verdicts(set), CsvFiles.violations(set))) {
      for (String column : csv.lines().findFirst().orElseThrow().split(",")) {
        assertTrue(doc.contains("| `" + column + "` |"), column);
      }
    }
  }

  @Test
  void everyMetricHasItsUnit() throws IOException {
    String doc = doc();
    for (Metric m : Metric.values()) {
      String unit = m.unit().equals("bytes") ? "bytes" : "count";
      assertTrue(doc.contains("| `" + m.label() + "` | " + unit), m.label());
    }
  }

  @Test
  void everySummaryFigureHasARow() throws IOException {
    String doc = doc();
    for (String key : set().results().get(0).summary().asMap().keySet()) {
      assertTrue(doc.contains("| `" + key + "` |"), key);
    }
  }
}
