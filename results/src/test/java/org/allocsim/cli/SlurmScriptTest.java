package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm scripts' shell logic, without Slurm: each runs under bash with the SLURM_* variables an array task
 * would see and a fake allocsim that records its arguments.
 */
class SlurmScriptTest {
  private static final Path CLUSTER = Path.of("..", "scenarios", "cluster").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  private String run(String script, Map<String, String> env, String... args) throws IOException,
      InterruptedException {
    Path fake = tmp.resolve("allocsim");
    Files.writeString(fake, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + tmp.resolve("args") + "\"\n");
    fake.toFile().setExecutable(true);
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", CLUSTER.resolve(script).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_"));
    pb.environment().putAll(env);
    pb.environment().put("ALLOCSIM", fake.toString());
    pb.environment().put("ALLOCSIM_SWEEP_DIR", tmp.resolve("sweep").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    return String.join(" ", Files.readAllLines(tmp.resolve("args")));
  }

  @Test
  void arrayTaskRunsItsShard() throws Exception {
    String args = run("sweep.sbatch", Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4",
        "SLURM_CPUS_PER_TASK", "3"), "f.yaml", "--vary", "cpus=2,4", "--replications", "10");
    assertEquals("sweep f.yaml --vary cpus=2,4 --replications 10 --shard 3/4 --threads 3 --out "
        + tmp.resolve("sweep").resolve("shard-3") + " --quiet", args);
  }

  @Test
  void arrayStartingAtOneStillCountsShardsFromOne() throws Exception {
    String args = run("sweep.sbatch", Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "1",
        "SLURM_ARRAY_TASK_COUNT", "2"), "f.yaml", "--vary", "cpus=2,4");
    assertTrue(args.contains("--shard 1/2 --threads 1 "), args);
  }

  @Test
  void mergeTakesEveryShardFolder() throws Exception {
    for (int i = 1; i <= 3; i++) {
      Files.createDirectories(tmp.resolve("sweep").resolve("shard-" + i));
    }
    String args = run("merge.sbatch", Map.of());
    Path s = tmp.resolve("sweep");
    assertEquals("merge " + s.resolve("shard-1") + " " + s.resolve("shard-2") + " " + s.resolve("shard-3")
        + " --out " + s.resolve("merged"), args);
  }
}
