package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code allocsim run} writes, checked against the runs themselves. */
class RunOutputsTest {
  static final Path S7 = Path.of("..", "scenarios", "library", "s07-load-order.yaml");
  @TempDir
  static Path dir;
  static Path out;
  static String stdout;

  static int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
    stdout = o + e.toString();
    return status;
  }

  @BeforeAll
  static void runOnce() {
    out = dir.resolve("s7");
    assertEquals(0, run("run", S7.toString(), "--out", out.toString(), "--quiet"));
  }

  private static List<RunResult> direct() {
    ScenarioFile f = new ScenarioReader().read(S7, Parameters.EMPTY);
    List<RunResult> results = new ArrayList<>();
    for (String s : Strategies.installed().names()) {
      results.add(Simulation.run(ScenarioRuns.spec(f, f.seed(), 0), Strategies.installed().create(s)));
    }
    return results;
  }

  private static List<CSVRecord> csv(String name) throws IOException {
    try (Reader r = Files.newBufferedReader(out.resolve(name))) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  @Test
  void everyFileIsWritten() {
    for (String f : List.of("metrics.csv", "verdicts.csv", "violations.csv", "summary.json", "summary.txt",
        "report.html", "charts/memory.png", "charts/memory.svg", "charts/warmth.png", "charts/rejections.svg",
        "charts/allocators.svg", "charts/breakdown.png")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
  }

  @Test
  void aChartThatWouldOnlySayZeroIsNotDrawn() {
    // No NMI program in s07: no allocation can fail, and summary.txt's table already says 0.
    assertTrue(direct().stream().allMatch(r -> r.summary().failedAllocs() == 0));
    assertFalse(Files.exists(out.resolve("charts/failed-allocs.png")));
    assertFalse(Files.exists(out.resolve("charts/failed-allocs.svg")));
  }

  @Test
  void svgChartsCarryRealTextAndStaySmall() throws IOException {
    String svg = Files.readString(out.resolve("charts/memory.svg"));
    assertTrue(svg.contains(">s07-load-order: allocator memory</text>"), svg.substring(0, 400));
    assertTrue(svg.contains(">time (ms)</text>"), "a 1 s run is labelled in ms");
    assertTrue(Files.size(out.resolve("charts/memory.svg")) < 100_000);
    try (var files = Files.list(out.resolve("charts"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".svg")).toList()) {
        String text = Files.readString(f);
        assertTrue(text.contains("</text>"), f + ": text as text");
        assertFalse(text.matches("(?s).*d='[^']*C.*"), f + ": stepped lines written as lines, not as curves");
        assertTrue(Files.size(f) < 200_000, f + " is " + Files.size(f) + " bytes");
      }
    }
  }

  @Test
  void everyCsvHasAUniqueKeyPerRow() throws IOException {
    assertUnique(csv("metrics.csv"), "strategy", "replication", "sample", "metric");
    assertUnique(csv("verdicts.csv"), "strategy", "replication", "verdict");
    assertUnique(csv("violations.csv"), "strategy", "replication", "finding");
    // The key time_s alone would not do: s07 samples after control events that share a time with others.
    List<CSVRecord> rows = csv("metrics.csv");
    long distinct = rows.stream().map(r -> r.get("time_s") + "," + r.get("strategy") + "," + r.get("replication")
        + "," + r.get("metric")).distinct().count();
    assertTrue(distinct < rows.size(), "the sample column is what makes the key unique");
  }

  private static void assertUnique(List<CSVRecord> rows, String... key) {
    java.util.Set<List<String>> seen = new java.util.HashSet<>();
    for (CSVRecord r : rows) {
      List<String> k = java.util.Arrays.stream(key).map(r::get).toList();
      assertTrue(seen.add(k), "duplicate key " + k);
    }
  }

  @Test
  void theReportIsTextInTheOneUnitSystem() throws IOException {
    String html = Files.readString(out.resolve("report.html"));
    String text = html.replaceAll("(?s)<svg.*?</svg>", "");
    assertFalse(text.matches("(?s).*\\d\\.\\d{6}.*"), "no nanosecond-precision times, no long decimals");
    assertFalse(text.matches("(?s).*\\d[eE][-+]?\\d.*"), "no exponents");
    assertTrue(html.contains(" KiB</td>"), "memory in KiB");
    assertTrue(html.contains("<h2>Refused loads</h2>"));
    assertTrue(html.contains("<text"), "charts inline as SVG with text");
  }

  @Test
  void metricsCsvHoldsEverySampleOfEveryRun() throws IOException {
    List<RunResult> results = direct();
    List<CSVRecord> rows = csv("metrics.csv");
    int expected = results.stream().mapToInt(r -> r.series().size() * Metric.values().length).sum();
    assertEquals(expected, rows.size());
    RunResult perField = results.get(2);
    long lastLive = perField.series().last(Metric.LIVE_OBJECTS);
    CSVRecord last = rows.stream().filter(r -> r.get("strategy").equals("per-field")
        && r.get("metric").equals("live_objects")).reduce((a, b) -> b).orElseThrow();
    assertEquals(Long.toString(lastLive), last.get("value"));
    assertEquals("1.000000000", last.get("time_s"));
  }

  @Test
  void verdictsAndViolationsMatchTheRuns() throws IOException {
    List<RunResult> results = direct();
    assertEquals(results.stream().mapToInt(r -> r.verdicts().size()).sum(), csv("verdicts.csv").size());
    assertEquals(results.stream().mapToInt(r -> r.violations().size()).sum(), csv("violations.csv").size());
    List<CSVRecord> violations = csv("violations.csv");
    assertTrue(violations.stream().allMatch(r -> r.get("strategy").equals("per-field")));
    assertTrue(violations.stream().anyMatch(r -> r.get("kind").equals("use_after_free")));
  }

  @Test
  void summaryJsonCarriesTheFiguresScenarioSeedAndVersion() throws IOException {
    List<RunResult> results = direct();
    JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("s07-load-order", json.get("scenario").asText());
    assertEquals(1, json.get("seed").asLong());
    assertFalse(json.get("allocsim_version").asText().isEmpty());
    JsonNode params = json.get("parameters");
    assertTrue(params.get("rcu.grace_period_ns").isIntegralNumber(), "numbers are numbers");
    assertEquals(10_000_000L, params.get("rcu.grace_period_ns").asLong());
    assertTrue(params.get("rcu.tasks_trace_implies_rcu").isBoolean(), "booleans are booleans");
    assertTrue(params.get("memory.free_path").isTextual());
    JsonNode first = json.get("strategies").fields().next().getValue();
    first.fields().forEachRemaining(e -> assertFalse(e.getValue().isTextual(), e.getKey() + " is a string"));
    for (RunResult r : results) {
      JsonNode s = json.get("strategies").get(r.strategy());
      assertEquals(r.summary().loadsAccepted(), s.get("loads_accepted").asLong());
      assertEquals(r.summary().loadsRejected(), s.get("loads_rejected").asLong());
      assertEquals(r.summary().safetyViolations(), s.get("safety_violations").asLong());
      assertEquals(r.summary().peakBytes(), s.get("peak_bytes").asLong());
      assertEquals(r.summary().strandedBytesEnd(), s.get("stranded_bytes_end").asLong());
      assertEquals(r.summary().warmAllocFraction(), s.get("warm_alloc_fraction").asDouble());
      assertEquals(r.summary().bookkeepingOps(), s.get("bookkeeping_ops").asLong());
      assertEquals(r.summary().endBytes(), s.get("end_bytes").asLong());
      assertEquals(r.summary().failedAllocs(), s.get("failed_allocs").asLong());
    }
  }

  @Test
  void summaryTextFitsSeventyTwoColumns() throws IOException {
    for (String line : Files.readAllLines(out.resolve("summary.txt"))) {
      assertTrue(line.length() <= 72, line.length() + ": " + line);
    }
  }

  @Test
  void theReproduceLineReproducesTheOutputsByteForByte() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("summary.txt"));
    int at = lines.indexOf("Reproduce with:");
    StringBuilder command = new StringBuilder();
    for (String l : lines.subList(at + 1, lines.size())) {
      command.append(l.strip().replaceAll("\\\\$", "")).append(' ');
    }
    List<String> args = new ArrayList<>(List.of(command.toString().trim().split("\\s+")));
    assertEquals("./allocsim", args.remove(0));
    Path again = dir.resolve("again");
    args.addAll(List.of("--out", again.toString(), "--quiet", "--threads", "1"));
    assertEquals(0, run(args.toArray(String[]::new)), args + "\n" + stdout);
    for (String f : List.of("metrics.csv", "verdicts.csv", "violations.csv", "summary.json")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
  }

  @Test
  void outputsDoNotDependOnTheNumberOfThreads() throws IOException {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertEquals(0, run("run", S7.toString(), "--out", one.toString(), "--quiet", "--threads", "1"));
    assertEquals(0, run("run", S7.toString(), "--out", two.toString(), "--quiet", "--threads", "2"));
    try (Stream<Path> files = Files.walk(one)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(two.resolve(one.relativize(f))),
            one.relativize(f).toString());
      }
    }
  }

  @Test
  void aRunThatFailsLeavesNoOutputFolderAndNoPartialFiles() throws IOException {
    Path bad = dir.resolve("fails.yaml");
    // Valid as a file, but the trace it names is damaged: the failure comes while running, not while reading.
    Path trace = dir.resolve("damaged.trace");
    Files.writeString(trace, "# allocsim trace v1\n# programs: P2\n1000 0 P2 0 1\n2000 0 P2 zero 1\n");
    Files.writeString(bad, Files.readString(S7).replace("records:", "trace: damaged.trace\nrecords:"));
    Path target = dir.resolve("failed-out");
    assertEquals(2, run("run", bad.toString(), "--out", target.toString(), "--quiet"));
    assertTrue(stdout.contains("damaged.trace:4"), stdout);
    assertFalse(Files.exists(target));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("partial")));
    }
  }
}
