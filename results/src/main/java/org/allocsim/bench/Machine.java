package org.allocsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the bench reads off the machine it runs on: the CPU model and caches (Linux /proc and sysfs), and measured
 * memory latencies, so that the figures come with the machine that produced them (issue 17).
 *
 * @param cpuModel /proc/cpuinfo's model name
 * @param caches one "L2 1024K (per 1 CPU)" entry per data or unified cache level of CPU 0
 * @param l2LatencyNs a dependent random read within 256 KiB
 * @param dramLatencyNs a dependent random read within 256 MiB (the JVM's page size: transparent huge pages when
 *     the launcher's -XX:+UseTransparentHugePages got them)
 * @param fetchesPerS independent random cache-line reads per second with 16 chains in flight, same 256 MiB
 */
public record Machine(String cpuModel, List<String> caches, double l2LatencyNs, double dramLatencyNs,
    double fetchesPerS) {
  private static final int CHAINS = 16;

  /** Reads the description and measures the latencies (about 5 s). */
  public static Machine measure() {
    return new Machine(readCpuModel(), readCaches(), chase(256 << 10, 20_000_000), chase(256 << 20, 10_000_000),
        parallelFetches(256 << 20, 4_000_000));
  }

  /** The same with short measurements, for tests of the bench itself (the latencies are then rough). */
  static Machine quick() {
    return new Machine(readCpuModel(), readCaches(), chase(256 << 10, 200_000), chase(16 << 20, 200_000),
        parallelFetches(16 << 20, 20_000));
  }

  private static String readCpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
    return System.getProperty("os.arch");
  }

  private static List<String> readCaches() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path d = Path.of("/sys/devices/system/cpu/cpu0/cache/index" + i);
      if (!Files.isDirectory(d)) {
        break;
      }
      String type = read(d.resolve("type"));
      if (type.equals("Instruction")) {
        continue;
      }
      String shared = read(d.resolve("shared_cpu_list"));
      out.add("L" + read(d.resolve("level")) + " " + read(d.resolve("size")) + " (CPUs " + shared + ")");
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  /** A random cyclic permutation (Sattolo) of bytes/64 cache lines, one int per line's first slot. */
  private static int[] cycle(int bytes) {
    int lines = bytes / 64;
    int[] order = new int[lines];
    for (int i = 0; i < lines; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(42);
    for (int i = lines - 1; i > 0; i--) {
      int j = r.nextInt(i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] next = new int[bytes / 4];
    for (int i = 0; i < lines; i++) {
      next[order[i] * 16] = order[(i + 1) % lines] * 16;
    }
    return next;
  }

  private static double chase(int bytes, int steps) {
    int[] next = cycle(bytes);
    int p = 0;
    for (int i = 0; i < steps / 4; i++) {
      p = next[p];
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      p = next[p];
    }
    double ns = (System.nanoTime() - t0) / (double) steps;
    sink(p);
    return ns;
  }

  private static double parallelFetches(int bytes, int stepsPerChain) {
    int[] next = cycle(bytes);
    int[] at = new int[CHAINS];
    for (int c = 0; c < CHAINS; c++) {
      at[c] = (int) ((long) c * (next.length / 16) / CHAINS) * 16;
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < stepsPerChain; i++) {
      for (int c = 0; c < CHAINS; c++) {
        at[c] = next[at[c]];
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    sink(at[0] + at[CHAINS - 1]);
    return stepsPerChain * (double) CHAINS / seconds;
  }

  // Written, never read: a volatile store keeps the JIT from dropping the measured loads.
  @SuppressWarnings("UnusedVariable")
  private static volatile int sink;

  private static void sink(int v) {
    sink = v;
  }
}
