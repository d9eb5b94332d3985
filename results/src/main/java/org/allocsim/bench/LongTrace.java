package org.allocsim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.strategy.Strategies;

/**
 * A long trace streamed through the engine in a child JVM with a small heap: the bench workload generated on the
 * fly (never held in memory) for a given simulated time. The child prints one line, {@code records peak seconds}.
 */
public final class LongTrace {
  private LongTrace() {}

  /** Child entry point: {@code durationNs strategy}. */
  public static void main(String[] args) {
    long durationNs = Long.parseLong(args[0]);
    long t0 = System.nanoTime();
    RunSpec spec = BenchWorkload.generatedFor(durationNs);
    long[] peak = {0};
    // Heap in use at every metric sample, garbage included: an upper bound of the live heap (G1 updates the
    // old generation's after-collection figure only on mixed collections, so that one reads far too low).
    RunResult r = Simulation.run(spec, Strategies.installed().create(args[1]), t -> peak[0] = Math.max(peak[0],
        heapInUse()));
    peak[0] = Math.max(peak[0], heapInUse());
    System.out.println(r.summary().records() + " " + peak[0] + " " + (System.nanoTime() - t0) / 1e9);
  }

  private static long heapInUse() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Runs the child with -Xmx maxHeapMb for about records records (recordsPerNs from the bench workload). */
  static BenchFigures.LongTraceFigures run(long records, double recordsPerNs, String strategy, int maxHeapMb) {
    long durationNs = (long) Math.ceil(records / recordsPerNs);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + maxHeapMb + "m", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), LongTrace.class.getName(), Long.toString(durationNs),
        strategy));
    long t0 = System.nanoTime();
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String last = "";
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          last = line;
        }
      }
      int status = p.waitFor();
      double seconds = (System.nanoTime() - t0) / 1e9;
      String[] f = last.trim().split(" ");
      if (status != 0 || f.length != 3) {
        return new BenchFigures.LongTraceFigures(0, maxHeapMb * 1048576L, 0, seconds, false);
      }
      return new BenchFigures.LongTraceFigures(Long.parseLong(f[0]), maxHeapMb * 1048576L, Long.parseLong(f[1]),
          seconds, true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the long-trace JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
