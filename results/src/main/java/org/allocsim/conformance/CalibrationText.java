package org.allocsim.conformance;

import java.util.List;
import java.util.Locale;

/** The calibration's table and its parameter file. */
final class CalibrationText {
  /** The model's defaults these figures stand beside. */
  static final long MODEL_RCU_NS = 10_000_000L;
  static final long MODEL_TASKS_TRACE_NS = 25_000_000L;

  private CalibrationText() {
  }

  static String text(String release, long rcuNs, List<Calibration.Size> sizes) {
    StringBuilder s = new StringBuilder();
    s.append("Calibration on Linux ").append(release).append(", ").append(Calibration.OBJECTS)
        .append(" objects per size\n\n");
    s.append(String.format("%6s %6s %-18s %9s %9s %10s%n", "size", "model", "cache", "obj B/o", "slab B/o",
        "free ms"));
    s.append("-".repeat(63)).append('\n');
    for (Calibration.Size z : sizes) {
      s.append(String.format(Locale.ROOT, "%6d %6d %-18s %9.1f %9.1f %10s%n", z.bytes(), z.modelUnit(),
          z.cache(), z.objectBytesPerObject(), z.slabBytesPerObject(),
          z.freeDelayNs() < 0 ? "> 10000" : String.format(Locale.ROOT, "%.1f", z.freeDelayNs() / 1e6)));
    }
    s.append(String.format(Locale.ROOT, "%nRCU grace period (membarrier, median of 21): %s; model default %.1f ms%n",
        rcuNs < 0 ? "not measured" : String.format(Locale.ROOT, "%.2f ms", rcuNs / 1e6), MODEL_RCU_NS / 1e6));
    s.append(String.format(Locale.ROOT, "Map drop to memory back (median over sizes): %.1f ms; model: map free + "
        + "%.0f ms RCU + %.0f ms RCU tasks trace%n", medianDelay(sizes) / 1e6, MODEL_RCU_NS / 1e6,
        MODEL_TASKS_TRACE_NS / 1e6));
    return s.toString();
  }

  /**
   * A parameters block: the RCU grace period as measured, and the tasks-trace one as the rest of the measured
   * drop-to-memory delay (the model's drop path waits for one of each, rcu_trace_implies_rcu_gp).
   */
  static String parameters(String release, long rcuNs, List<Calibration.Size> sizes) {
    long rcu = rcuNs > 0 ? rcuNs : MODEL_RCU_NS;
    long tasks = Math.max(1_000, medianDelay(sizes) - rcu);
    return "# Measured by allocsim kernel --calibrate on Linux " + release + ".\n"
        + "# Copy into a scenario's parameters: block, or pass each as --set key=value.\n"
        + "parameters:\n"
        + "  rcu.grace_period_ns: " + rcu + "\n"
        + "  rcu.tasks_trace_grace_period_ns: " + tasks + "\n";
  }

  static long medianDelay(List<Calibration.Size> sizes) {
    long[] d = sizes.stream().mapToLong(Calibration.Size::freeDelayNs).filter(x -> x >= 0).sorted().toArray();
    return d.length == 0 ? -1 : d[d.length / 2];
  }
}
