package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replications: common random numbers across strategies, independent streams across replications, statistics. */
class ReplicationsTest {
  private static final Path FILE = Path.of("src/test/resources/sweep/tiny-workload.yaml");

  @TempDir
  Path tmp;

  @Test
  void strategiesOfOneReplicationSeeTheSameDraws() {
    ScenarioFile f = new ScenarioReader().read(FILE, Parameters.EMPTY);
    Strategies installed = Strategies.installed();
    long[] records = new long[2];
    for (int rep = 0; rep < 2; rep++) {
      // global refuses the reload, the other two accept it: different designs, the same workload draws.
      RunResult a = Simulation.run(ScenarioRuns.spec(f, 1, rep), installed.create("global"));
      RunResult b = Simulation.run(ScenarioRuns.spec(f, 1, rep), installed.create("runtime-refcount"));
      RunResult c = Simulation.run(ScenarioRuns.spec(f, 1, rep), installed.create("static-per-map"));
      assertNotEquals(a.summary().loadsRejected(), b.summary().loadsRejected());
      assertEquals(a.summary().records(), b.summary().records(), "replication " + rep);
      assertEquals(a.summary().records(), c.summary().records(), "replication " + rep);
      // With the same programs attached, the same runs find no program: the draws were the same.
      assertEquals(b.summary().idleRuns(), c.summary().idleRuns(), "replication " + rep);
      assertEquals(rep, a.replication());
      records[rep] = a.summary().records();
    }
    assertNotEquals(records[0], records[1], "replications draw from independent streams");
  }

  @Test
  void runWritesStatisticsForSeveralReplications() throws IOException {
    Path out = tmp.resolve("run");
    CliRun r = SweepCommandTest.run("run", FILE.toString(), "--strategies", "global,static-per-map",
        "--replications", "4", "--quiet", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
    assertEquals(4, json.get("replications").asInt());
    JsonNode peak = json.at("/statistics/strategies/global/peak_bytes");
    assertEquals(4, peak.get("n").asInt());
    assertTrue(peak.get("ci_low").asDouble() <= peak.get("mean").asDouble()
        && peak.get("mean").asDouble() <= peak.get("ci_high").asDouble());
    JsonNode pair = json.at("/statistics/paired_differences/0");
    assertEquals("global", pair.get("first").asText());
    assertEquals(0.0, pair.at("/difference/records/mean").asDouble(), "CRN: same records in every replication");
    assertEquals(0.0, pair.at("/difference/records/ci_high").asDouble());
    String text = Files.readString(out.resolve("summary.txt"));
    assertTrue(text.contains("Means over 4 replications"), text);
    // The console prints the means with their intervals, not the first replication's table.
    assertTrue(r.out().contains("Means over 4 replications"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("global ") && l.contains("±")), r.out());
    assertTrue(text.contains("global - static-per-map"), text);
    text.lines().forEach(l -> assertTrue(l.length() <= 72, l));
    assertTrue(Files.readString(out.resolve("report.html")).contains("id=\"paired\""));
    assertTrue(Files.exists(out.resolve("charts/memory.svg")));
    List<String> reps = Files.readAllLines(out.resolve("metrics.csv")).stream().skip(1)
        .map(l -> l.split(",")[2]).distinct().toList();
    assertEquals(List.of("0", "1", "2", "3"), reps);
  }

  @Test
  void timeSeriesChartsShowTheMeanWithABand() {
    ScenarioFile f = new ScenarioReader().read(FILE, Parameters.EMPTY);
    Strategies installed = Strategies.installed();
    List<List<RunResult>> replicated = new java.util.ArrayList<>();
    for (int rep = 0; rep < 3; rep++) {
      replicated.add(List.of(Simulation.run(ScenarioRuns.spec(f, 1, rep), installed.create("global"))));
    }
    var memory = org.allocsim.chart.Charts.all("t", replicated).get("memory");
    assertTrue(memory.title().contains("95% band, n=3"), memory.title());
    var chart = memory.charts().get(0);
    assertEquals(List.of("global (95% band)", "global"), chart.getSeriesCollection().stream()
        .map(org.knowm.xchart.XYSeries::getName).toList(), "the band under its line");
    double[] means = chart.getSeries("global").getYData();
    double[] band = chart.getSeries("global (95% band)").getYData(); // the upper edge, then the lower one back
    assertEquals(2 * means.length, band.length);
    boolean wide = false;
    for (int i = 0; i < means.length; i++) {
      double low = band[band.length - 1 - i];
      double mean = means[i];
      double high = band[i];
      assertTrue(low <= mean && mean <= high, "point " + i);
      wide |= low < high;
    }
    assertTrue(wide, "the replications differ somewhere, so the band has a width");
  }

  @Test
  void oneReplicationKeepsTheFormerSummary() throws IOException {
    Path out = tmp.resolve("one");
    assertEquals(0, SweepCommandTest.run("run", FILE.toString(), "--strategies", "global", "--quiet", "--out",
        out.toString()).status());
    JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
    assertTrue(json.at("/strategies/global/peak_bytes").isNumber());
    assertTrue(json.get("statistics") == null);
  }

  @Test
  void replicationsMustBePositive() {
    CliRun r = SweepCommandTest.run("run", FILE.toString(), "--replications", "0");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("allocsim: --replications must be at least 1"), r.err());
  }
}
