package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.allocsim.sweep.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: sharded and merged equals unsharded, --threads does not matter, and an interrupted sweep resumes. */
class SweepCommandTest {
  private static final String FILE = "src/test/resources/sweep/tiny-workload.yaml";
  // 2 points x 2 strategies x 3 replications = 12 runs of 200 ms simulated time.
  private static final String[] SWEEP = {"sweep", FILE, "--vary", "rate=1000,3000", "--strategies",
      "global,static-per-map", "--replications", "3", "--quiet"};

  @TempDir
  static Path tmp;
  private static Map<String, byte[]> reference;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static String[] with(String... more) {
    List<String> a = new ArrayList<>(Arrays.asList(SWEEP));
    a.addAll(Arrays.asList(more));
    return a.toArray(String[]::new);
  }

  /** Every file under root by relative path, with its bytes. */
  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> assertTrue(Arrays.equals(v, actual.get(k)), k + " differs"));
  }

  @BeforeAll
  static void unsharded() throws IOException {
    CliRun r = run(with("--threads", "2", "--out", tmp.resolve("whole").toString()));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("12 to run, 0 already done"), r.out());
    reference = files(tmp.resolve("whole"));
  }

  @Test
  void writesTheOutputs() {
    assertTrue(reference.containsKey("summary/sweep.csv") && reference.containsKey("summary/summary.json")
        && reference.containsKey("summary/summary.txt") && reference.containsKey("plan.json"));
    assertTrue(reference.containsKey("summary/charts/peak_bytes.svg"), reference.keySet().toString());
    assertEquals(12, reference.keySet().stream().filter(k -> k.startsWith("runs/")).count());
    String csv = new String(reference.get("summary/sweep.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("rate,strategy,replication,metric,value\n1000,global,0,loads_accepted,"), csv);
    for (String line : new String(reference.get("summary/summary.txt"), StandardCharsets.UTF_8).split("\n")) {
      assertTrue(line.length() <= 72, line);
    }
  }

  @Test
  void outputsDoNotDependOnThreads() throws IOException {
    assertEquals(0, run(with("--threads", "1", "--out", tmp.resolve("one-thread").toString())).status());
    assertSameFiles(reference, files(tmp.resolve("one-thread")));
  }

  @Test
  void mergedShardsAreTheUnshardedSweep() throws IOException {
    List<String> dirs = new ArrayList<>(List.of("merge"));
    for (int i = 1; i <= 3; i++) {
      Path d = tmp.resolve("shard-" + i);
      CliRun r = run(with("--shard", i + "/3", "--out", d.toString()));
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("shard " + i + "/3: 4 to run"), r.out());
      assertEquals(4, files(d).keySet().stream().filter(k -> k.startsWith("runs/")).count());
      dirs.add(d.toString());
    }
    CliRun partial = run("merge", dirs.get(1), dirs.get(2), "--out", tmp.resolve("partial").toString());
    assertEquals(2, partial.status(), "shard 3 is missing");
    assertTrue(partial.err().contains("4 of 12 runs are in no shard (first: run 2)"), partial.err());
    dirs.add("--out");
    dirs.add(tmp.resolve("merged").toString());
    CliRun merged = run(dirs.toArray(String[]::new));
    assertEquals(0, merged.status(), merged.err());
    assertSameFiles(reference, files(tmp.resolve("merged")));
  }

  @Test
  void anInterruptedSweepResumesWithoutRepeatingRuns() throws IOException {
    Path d = tmp.resolve("resumed");
    for (Map.Entry<String, byte[]> e : reference.entrySet()) {
      if (e.getKey().startsWith("runs/") || e.getKey().equals("plan.json") || e.getKey().equals(".allocsim-output")) {
        Files.createDirectories(d.resolve(e.getKey()).getParent());
        Files.write(d.resolve(e.getKey()), e.getValue());
      }
    }
    // As a killed sweep leaves it: some runs never completed, one half-written temporary file, and one run file
    // from another sweep (a different plan) that must not count.
    Files.delete(d.resolve("runs/" + RunStore.fileName(3)));
    Files.delete(d.resolve("runs/" + RunStore.fileName(8)));
    Files.writeString(d.resolve("runs/." + RunStore.fileName(9) + "123.tmp"), "{\"plan\": \"");
    Files.writeString(d.resolve("runs/" + RunStore.fileName(10)),
        new String(reference.get("runs/" + RunStore.fileName(10)), StandardCharsets.UTF_8).replaceFirst(
            "\"plan\" : \"[0-9a-f]+\"",
            "\"plan\" : \"0000000000000000\""));
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(d.resolve("runs/" + RunStore.fileName(0)), old);
    CliRun r = run(with("--out", d.toString()));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("3 to run, 9 already done"), r.out());
    assertEquals(old, Files.getLastModifiedTime(d.resolve("runs/" + RunStore.fileName(0))), "a kept run is kept");
    assertSameFiles(reference, files(d)); // the half-written temporary is gone too
    CliRun again = run(with("--out", d.toString()));
    assertTrue(again.out().contains("0 to run, 12 already done"), again.out());
    assertSameFiles(reference, files(d));
  }

  @Test
  void aSweepKilledMidwayKeepsItsCompletedRunsAndResumesToTheSameOutputs() throws Exception {
    // Heavier runs (about 0.3 s each) so that the kill lands while the sweep is going.
    String[] heavy = {"sweep", FILE, "--vary", "rate=2000000,2500000", "--strategies", "global,static-per-map",
        "--replications", "3", "--quiet", "--threads", "1"};
    Path whole = tmp.resolve("heavy-whole");
    List<String> a = new ArrayList<>(Arrays.asList(heavy));
    a.addAll(List.of("--out", whole.toString()));
    assertEquals(0, run(a.toArray(String[]::new)).status());
    Path killed = tmp.resolve("heavy-killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(Arrays.asList(heavy));
    cmd.addAll(List.of("--out", killed.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile())
        .start();
    Path runs = killed.resolve("runs");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (completedRuns(runs) < 2 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "the sweep finished before it could be interrupted");
    p.destroy(); // SIGTERM, as SIGINT: the JVM's shutdown path
    assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    long kept = completedRuns(runs);
    assertTrue(kept >= 2 && kept < 12, kept + " runs completed before the kill");
    List<Path> visible;
    try (java.util.stream.Stream<Path> s = Files.list(runs)) {
      visible = s.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
    }
    for (Path f : visible) {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()); // every visible run file is whole
    }
    List<String> resume = new ArrayList<>(Arrays.asList(heavy));
    resume.addAll(List.of("--out", killed.toString()));
    CliRun r = run(resume.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains((12 - kept) + " to run, " + kept + " already done"), r.out());
    assertSameFiles(files(whole), files(killed));
  }

  private static long completedRuns(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(f -> f.getFileName().toString().matches("run-\\d+\\.json")).count();
    }
  }

  @Test
  void aTwoFactorSweepDrawsOneChartPerMetricWithAPanelPerValue() throws IOException {
    // Issue 16: a 2-factor sweep wrote 40 PNGs, one per metric, parameter and value of the other.
    Path out = tmp.resolve("two-factor");
    CliRun r = run("sweep", FILE, "--vary", "rate=1000,3000", "--vary", "cpus=2,4", "--strategies",
        "global,static-per-map", "--replications", "2", "--quiet", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    Map<String, byte[]> files = files(out);
    long pngs = files.keySet().stream().filter(k -> k.endsWith(".png")).count();
    long metrics = files.keySet().stream().filter(k -> k.startsWith("summary/charts/") && k.endsWith(".svg")).count();
    assertEquals(metrics, pngs);
    assertTrue(pngs <= 12, files.keySet().toString());
    String svg = new String(files.get("summary/charts/peak_bytes.svg"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(svg.contains(">cpus=2</text>") && svg.contains(">cpus=4</text>"), "one labelled panel per value");
    assertTrue(!svg.matches("(?s).*\\d\\.\\d{7,}</text>.*"), "ticks in round units");
  }

  @Test
  void anotherSweepInTheSameFolderIsRefused() {
    CliRun r = run("sweep", FILE, "--vary", "rate=1000", "--strategies", "global", "--quiet", "--out",
        tmp.resolve("whole").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("allocsim: --out: "), r.err());
  }

  @Test
  void userErrorsNameTheOption() {
    String out = tmp.resolve("errors").toString();
    CliRun syntax = run("sweep", FILE, "--vary", "rate", "--out", out);
    assertEquals(2, syntax.status());
    assertTrue(syntax.err().startsWith("allocsim: --vary: expected KEY=V1,V2,..., got 'rate'"), syntax.err());
    CliRun empty = run("sweep", FILE, "--vary", "rate=1,,2", "--out", out);
    assertEquals(2, empty.status());
    CliRun unknown = run("sweep", FILE, "--vary", "rcu.grace_period=1,2", "--out", out);
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().startsWith("allocsim: --vary: unknown parameter 'rcu.grace_period' — did you mean "
        + "'rcu.grace_period_ns'?"), unknown.err());
    for (String shard : List.of("0/2", "3/2", "x", "1/0", "1-2")) {
      CliRun bad = run("sweep", FILE, "--vary", "rate=1,2", "--shard", shard, "--out", out);
      assertEquals(2, bad.status(), shard);
      assertTrue(bad.err().startsWith("allocsim: --shard: expected I/N"), bad.err());
    }
    CliRun twice = run("sweep", FILE, "--vary", "rate=1,2", "--set", "rate=3", "--out", out);
    assertEquals(2, twice.status());
    assertTrue(twice.err().contains("--vary: 'rate' is given twice"), twice.err());
    CliRun badValue = run("sweep", FILE, "--vary", "cpus=2,zero", "--out", out);
    assertEquals(2, badValue.status(), badValue.err());
    CliRun notAShard = run("merge", tmp.resolve("nothing-here").toString());
    assertEquals(2, notAShard.status());
    assertTrue(notAShard.err().contains("has no plan.json"), notAShard.err());
  }
}
