package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.allocsim.report.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "nothing lost": run, sweep, hunt and trace write only into what they created or recognise as their own
 * earlier output; anything else at the target is refused with one line and exit 2, and left as it was.
 */
class OutputPlacementTest {
  private static final String S07 = "../scenarios/library/s07-load-order.yaml";
  private static final String SWEEP = "src/test/resources/sweep/tiny-workload.yaml";

  @TempDir
  Path dir;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static CliRun runS07(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("run", S07, "--strategies", "global", "--quiet", "--out",
        out.toString()));
    a.addAll(Arrays.asList(more));
    return run(a.toArray(String[]::new));
  }

  private static void assertRefused(CliRun r, String start) {
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith(start), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aUsersFolderIsRefusedAndLeftAsItWas() throws IOException {
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(notes.resolve("todo.txt"), "keep me");
    assertRefused(runS07(notes), "allocsim: --out: " + notes + " is a folder that allocsim did not create");
    assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    assertEquals(List.of("notes"), names(dir));
    assertRefused(run("sweep", SWEEP, "--vary", "rate=1000", "--strategies", "global", "--quiet", "--out",
        notes.toString()), "allocsim: --out: " + notes + " is a folder that allocsim did not create");
    assertEquals(List.of("todo.txt"), names(notes));
  }

  @Test
  void aPlainFileADeviceAndTheRootAreRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("thesis.tex"), "chapter 1");
    assertRefused(runS07(file), "allocsim: --out: " + file + " is a file that allocsim did not create");
    assertEquals("chapter 1", Files.readString(file));
    assertRefused(runS07(Path.of("/dev/null")), "allocsim: --out: /dev/null is a special file");
    assertFalse(Files.isDirectory(Path.of("/dev/null")));
    assertRefused(runS07(Path.of("/")), "allocsim: --out: / is a folder that allocsim did not create");
    assertRefused(run("hunt", "global", "--worlds", "1", "--quiet", "--out", "/"), "allocsim: / is a folder");
    assertRefused(run("hunt", "global", "--worlds", "1", "--quiet", "--out", "/dev/null"),
        "allocsim: /dev/null is a device, FIFO or other special file");
    assertRefused(run("sweep", SWEEP, "--vary", "rate=1000", "--strategies", "global", "--quiet", "--out", "/"),
        "allocsim: --out: / is a folder that allocsim did not create");
  }

  @Test
  void traceConvertRefusesADeviceNode() throws IOException {
    Path trace = dir.resolve("t.trace");
    assertEquals(0, run("trace", "record", S07, "--out", trace.toString()).status());
    assertRefused(run("trace", "convert", trace.toString(), "/dev/null", "--format", "binary"),
        "allocsim: /dev/null is a device, FIFO or other special file, not a regular file");
    assertFalse(Files.isRegularFile(Path.of("/dev/null")));
  }

  @Test
  void aRunReplacesItsOwnEarlierOutputsAndMarksThem() throws IOException {
    Path out = dir.resolve("s7");
    assertEquals(0, runS07(out).status());
    assertTrue(Files.isRegularFile(out.resolve(OutputFolder.MARKER)));
    Files.writeString(out.resolve("stale.txt"), "from an earlier run");
    CliRun again = runS07(out);
    assertEquals(0, again.status(), again.err());
    assertFalse(Files.exists(out.resolve("stale.txt")), "the folder is replaced whole");
    assertEquals(List.of("s7"), names(dir));
  }

  @Test
  void partialFoldersOfKilledRunsAreCleanedOnlyWhenOurs() throws IOException {
    // As SIGKILL leaves them: a partial folder of a process that is gone, with our marker, and a look-alike
    // without it (not ours: kept).
    Path ours = Files.createDirectories(dir.resolve(".s7.partial-2147483646-abc"));
    Files.writeString(ours.resolve(OutputFolder.MARKER), "x");
    Files.writeString(ours.resolve("metrics.csv"), "half");
    Path notOurs = Files.createDirectories(dir.resolve(".s7.partial-2147483646-xyz"));
    Path alive = Files.createDirectories(dir.resolve(".s7.partial-" + ProcessHandle.current().pid() + "-live"));
    Files.writeString(alive.resolve(OutputFolder.MARKER), "x");
    assertEquals(0, runS07(dir.resolve("s7")).status());
    assertEquals(java.util.stream.Stream.of(notOurs, alive, dir.resolve("s7")).map(p -> p.getFileName().toString())
        .sorted().toList(), names(dir));
    assertFalse(Files.exists(ours), "the dead run's partial folder is gone");
  }

  @Test
  void modesFollowTheUmask() throws IOException {
    Path out = dir.resolve("s7");
    assertEquals(0, runS07(out).status());
    // What the umask gives a plain create in the same place.
    Path plainDir = Files.createDirectory(dir.resolve("plain"));
    Path plainFile = Files.createFile(dir.resolve("plain.txt"));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plainDir)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plainFile)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("summary.json"))));
    Path sweep = dir.resolve("sweep");
    assertEquals(0, run("sweep", SWEEP, "--vary", "rate=1000", "--strategies", "global", "--quiet", "--out",
        sweep.toString()).status());
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plainFile)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(sweep.resolve("runs/run-000000.json"))));
  }

  @Test
  void aSweepsSummaryIsReplacedAsAWhole() throws IOException {
    Path sweep = dir.resolve("sweep");
    String[] args = {"sweep", SWEEP, "--vary", "rate=1000", "--strategies", "global", "--quiet", "--out",
        sweep.toString()};
    assertEquals(0, run(args).status());
    Files.writeString(sweep.resolve("summary/from-another-version.svg"), "<svg/>");
    CliRun again = run(args);
    assertEquals(0, again.status(), again.err());
    assertTrue(again.out().contains("0 to run, 1 already done"), again.out());
    assertFalse(Files.exists(sweep.resolve("summary/from-another-version.svg")));
    assertTrue(Files.isRegularFile(sweep.resolve("summary/sweep.csv")));
    assertEquals(List.of(".allocsim-output", "plan.json", "runs", "summary"), names(sweep));
  }

  @Test
  void aNameThatLeavesTheOutputRootIsRefusedBeforeAnythingRuns() throws IOException {
    Path f = dir.resolve("named.yaml");
    Files.writeString(f, "name: \"${n}\"\ndescription: \"d\"\nduration: 1s\nparameters:\n  n: {default: ok}\n");
    for (String bad : List.of("..", ".", ".hidden")) {
      CliRun r = run("run", f.toString(), "--quiet", "--set", "n=" + bad);
      assertRefused(r, "allocsim: " + f + ":1:7: the scenario's name '" + bad + "' names its output folder");
    }
    assertTrue(Files.isRegularFile(Path.of("pom.xml")), "the working directory is still there");
  }

  private static List<String> names(Path folder) throws IOException {
    try (var s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
