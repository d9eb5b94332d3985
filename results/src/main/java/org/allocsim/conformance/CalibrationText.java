package org.allocsim.conformance;

import java.util.List;
import java.util.Locale;

/** The calibration's table and its parameter file. */
final class CalibrationText {
  /** The model's defaults these figures stand beside. */
  static final long MODEL_RCU_NS = 10_000_000L;
  static final long MODEL_TASKS_TRACE_NS = 25_000_000L;

  private CalibrationText() {}

  static String text(String release, long rcuNs, List<Calibration.Size> sizes) {
    StringBuilder s = new StringBuilder();
    s.append("Calibration on Linux ").append(release).append(", ").append(Calibration.OBJECTS)
        .append(" objects per size\n\n");
    s.append(String.format("%5s %5s %-15s %7s %7s %7s %7s %s%n", "size", "model", "cache", "added", "obj B/o",
        "slab B/o", "all B/o", "free ms"));
    s.append("-".repeat(72)).append('\n');
    for (Calibration.Size z : sizes) {
      if (!clean(z)) {
        s.append(String.format(Locale.ROOT, "%5d %5d %-15s %7d %s%n", z.bytes(), z.modelUnit(), z.cache(),
            z.objectsAdded(), "  reused objects an earlier drop left allocated"));
        continue;
      }
      s.append(String.format(Locale.ROOT, "%5d %5d %-15s %7d %7.1f %7.1f %7.1f %s%n", z.bytes(), z.modelUnit(),
          z.cache(), z.objectsAdded(), z.objectBytesPerObject(), z.slabBytesPerObject(), z.allSlabBytesPerObject(),
          z.freeDelayNs() >= 0 ? String.format(Locale.ROOT, "%.1f", z.freeDelayNs() / 1e6)
              : "kept " + z.objectsKept()));
    }
    s.append("added: objects the cache gained for ").append(Calibration.OBJECTS).append(" stored;\n"
        + "obj, slab B/o: that cache's object and slab bytes per object; all B/o: every cache's\n"
        + "slab bytes per object; free ms: from dropping the map to 95% of them back in slab;\n"
        + "kept N: still allocated 10 s after the drop\n");
    s.append(String.format(Locale.ROOT, "%nRCU grace period (membarrier, median of 21): %s; model default %.1f ms%n",
        rcuNs < 0 ? "not measured" : String.format(Locale.ROOT, "%.2f ms", rcuNs / 1e6), MODEL_RCU_NS / 1e6));
    long d = medianDelay(sizes);
    s.append(String.format(Locale.ROOT, "Map drop to memory back (median over sizes): %s; model: map free + "
        + "%.0f ms RCU + %.0f ms RCU tasks trace%n",
        d < 0 ? "not within 10 s" : String.format(Locale.ROOT,
            "%.1f ms", d / 1e6),
        MODEL_RCU_NS / 1e6, MODEL_TASKS_TRACE_NS / 1e6));
    return s.toString();
  }

  /**
   * A parameters block: the RCU grace period as measured, and the tasks-trace one as the rest of the measured
   * drop-to-memory delay (the model's drop path waits for one of each, rcu_trace_implies_rcu_gp).
   */
  static String parameters(String release, long rcuNs, List<Calibration.Size> sizes) {
    long rcu = rcuNs > 0 ? rcuNs : MODEL_RCU_NS;
    long delay = medianDelay(sizes);
    long tasks = delay < 0 ? MODEL_TASKS_TRACE_NS : Math.max(1_000, delay - rcu);
    return "# Measured by allocsim kernel --calibrate on Linux " + release + ".\n"
        + "# Copy into a scenario's parameters: block, or pass each as --set key=value.\n"
        + (delay < 0 ? "# The dropped objects did not come back within 10 s: the tasks-trace figure is the model's "
            + "default.\n" : "")
        + "parameters:\n"
        + "  rcu.grace_period_ns: " + rcu + "\n"
        + "  rcu.tasks_trace_grace_period_ns: " + tasks + "\n";
  }

  /** A size whose fill took its objects from slab, not from objects an earlier drop left allocated. */
  static boolean clean(Calibration.Size z) {
    return z.objectsAdded() >= Calibration.OBJECTS / 2;
  }

  static long medianDelay(List<Calibration.Size> sizes) {
    long[] d = sizes.stream().filter(CalibrationText::clean).mapToLong(Calibration.Size::freeDelayNs)
        .filter(x -> x >= 0).sorted().toArray();
    return d.length == 0 ? -1 : d[d.length / 2];
  }
}
