package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Slurm commands on a real one-machine Slurm (scenarios/cluster/local-slurm: munged, slurmctld and
 * slurmd as root): the sweep array and the merge job, whose result must equal an unsharded sweep byte for byte.
 * Runs after packaging (failsafe), since every array task starts ./allocsim. Without Slurm or root it says why it
 * did not run; under CI (CI=true) that is a failure, since .ci/run installs Slurm.
 */
class SlurmClusterIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OUT_FILE = Pattern.compile("allocsim-(sweep|merge)-[0-9_]+\\.out");

  @TempDir
  Path tmp;

  @Test
  void readmeSweepOnLocalSlurmEqualsUnshardedSweep() throws Exception {
    requireSlurm();
    String block = readmeSlurmBlock();
    Path cluster = tmp.resolve("slurm");
    Path sweepDir = tmp.resolve("sweep");
    List<String> before = outFiles();
    exec(ROOT, Map.of(), 60, "bash", ROOT.resolve("scenarios/cluster/local-slurm").toString(), "start",
        cluster.toString());
    Map<String, String> env = Map.of("SLURM_CONF", cluster.resolve("slurm.conf").toString(),
        "ALLOCSIM_SWEEP_DIR", sweepDir.toString());
    try {
      exec(ROOT, env, 300, "bash", "-euo", "pipefail", "-c", block);
      waitForEmptyQueue(env);
    } finally {
      exec(ROOT, Map.of(), 60, "bash", ROOT.resolve("scenarios/cluster/local-slurm").toString(), "stop",
          cluster.toString());
    }
    String jobLogs = readAndRemoveNew(before);
    Path merged = sweepDir.resolve("merged");
    assertTrue(Files.isRegularFile(merged.resolve("summary/summary.json")), "no merged sweep; job output:\n" + jobLogs);
    assertTrue(Files.isDirectory(sweepDir.resolve("shard-2")), "the array ran as one shard:\n" + jobLogs);

    List<String> cmd = new ArrayList<>(List.of("./allocsim", "sweep"));
    cmd.addAll(sweepArguments(block));
    cmd.addAll(List.of("--out", tmp.resolve("unsharded").toString(), "--quiet"));
    exec(ROOT, Map.of(), 600, cmd.toArray(String[]::new));
    assertSameTree(tmp.resolve("unsharded"), merged);
  }

  private static void requireSlurm() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String b : List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo")) {
      if (run(ROOT, Map.of(), 10, "bash", "-c", "command -v " + b).status() != 0) {
        missing.add(b);
      }
    }
    String why = null;
    if (!missing.isEmpty()) {
      why = "Slurm is not installed (missing " + String.join(", ", missing)
          + "; apt-get install slurm-wlm munge)";
    } else if (!"0".equals(exec(ROOT, Map.of(), 10, "id", "-u").strip())) {
      why = "slurmd must run as root, and this test does not";
    }
    if (why == null) {
      return;
    }
    String message = "SlurmClusterIT did not run: " + why;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: .ci/run installs Slurm, so this is a failure)");
    }
    System.err.println(message);
    Assumptions.abort(message);
  }

  /** The README's sh block that submits the array. */
  private static String readmeSlurmBlock() throws IOException {
    Matcher m = SH_BLOCK.matcher(Files.readString(ROOT.resolve("README.md")));
    while (m.find()) {
      if (m.group(1).contains("sbatch --parsable")) {
        return m.group(1);
      }
    }
    throw new AssertionError("README.md has no sh block with 'sbatch --parsable'");
  }

  /** The arguments the block passes to sweep.sbatch (continuation lines joined, up to the closing ')'). */
  static List<String> sweepArguments(String block) {
    String joined = block.replace("\\\n", " ");
    int at = joined.indexOf("scenarios/cluster/sweep.sbatch");
    String rest = joined.substring(at + "scenarios/cluster/sweep.sbatch".length());
    rest = rest.substring(0, rest.indexOf(')'));
    return Arrays.stream(rest.strip().split("\\s+")).toList();
  }

  private static void waitForEmptyQueue(Map<String, String> env) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (!exec(ROOT, env, 30, "squeue", "-h", "-o", "%i %T %r").isBlank()) {
      if (System.nanoTime() > deadline) {
        fail("jobs still queued after 15 minutes: " + exec(ROOT, env, 30, "squeue"));
      }
      Thread.sleep(500);
    }
  }

  private static List<String> outFiles() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> OUT_FILE.matcher(n).matches()).sorted().toList();
    }
  }

  /** The job output files this test's jobs wrote into the submit folder: read for the failure message, removed. */
  private static String readAndRemoveNew(List<String> before) throws IOException {
    StringBuilder logs = new StringBuilder();
    for (String name : outFiles()) {
      if (!before.contains(name)) {
        Path f = ROOT.resolve(name);
        logs.append("== ").append(name).append('\n').append(Files.readString(f));
        Files.delete(f);
      }
    }
    return logs.toString();
  }

  private static void assertSameTree(Path expected, Path actual) throws IOException {
    Map<String, Path> want = files(expected);
    Map<String, Path> got = files(actual);
    assertEquals(want.keySet(), got.keySet(), "files of the merged sweep");
    for (Map.Entry<String, Path> e : want.entrySet()) {
      assertEquals(-1L, Files.mismatch(e.getValue(), got.get(e.getKey())), e.getKey() + " differs");
    }
  }

  private static Map<String, Path> files(Path root) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString(), p));
    }
    return out;
  }

  /** Runs a command; fails the test unless it exits 0 in time. Returns its output. */
  private static String exec(Path dir, Map<String, String> env, int timeoutSeconds, String... cmd)
      throws IOException, InterruptedException {
    Ran r = run(dir, env, timeoutSeconds, cmd);
    if (r.status() != 0) {
      fail(String.join(" ", cmd) + " exited " + r.status() + ":\n" + r.output());
    }
    return r.output();
  }

  private record Ran(int status, String output) {}

  private static Ran run(Path dir, Map<String, String> env, int timeoutSeconds, String... cmd)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + ": no exit within " + timeoutSeconds + " s");
    }
    return new Ran(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
  }
}
