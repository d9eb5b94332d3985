package org.allocsim.report;

import java.util.List;
import java.util.Locale;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.RunSummary;

/**
 * A per-strategy table of the summary figures, at most 72 columns wide. The idle column is the story a refused load
 * tells: its traffic still arrives, and does nothing (cilium-regeneration under global: 67% of the records).
 */
public final class SummaryTable {
  private static final String ROW = "%-20s %3s %3s %4s %6s %5s %6s %6s %6s %4s";
  private static final String HEADER = String.format(Locale.ROOT, ROW, "strategy", "ok", "rej", "viol", "failed",
      "idle", "peak", "end", "strand", "warm");
  /** What the columns and units mean, once, under every table that uses them. */
  public static final String LEGEND = "ok/rej: loads accepted/refused; viol: safety oracle findings; failed:\n"
      + "NMI allocation failures; idle: trace records that did nothing (their\n"
      + "program refused or not loaded); peak/end/strand: allocator memory,\n"
      + "K = KiB (1024 bytes), M = MiB; warm: allocations served cache-warm.\n";

  private SummaryTable() {}

  public static String render(List<RunResult> results) {
    StringBuilder b = new StringBuilder();
    b.append(HEADER).append('\n');
    b.append("-".repeat(HEADER.length())).append('\n');
    for (RunResult r : results) {
      RunSummary s = r.summary();
      b.append(String.format(Locale.ROOT, ROW, r.strategy(), s.loadsAccepted(), s.loadsRejected(),
          s.safetyViolations(), s.failedAllocs(), share(s.idleRuns(), s.records()), bytes(s.peakBytes()),
          bytes(s.endBytes()), bytes(s.strandedBytesEnd()), String.format(Locale.ROOT, "%.0f%%",
              100 * s.warmAllocFraction())))
          .append('\n');
    }
    return b.toString();
  }

  /** part of whole as a whole percentage ("0%" only when part is 0, "<1%" below one percent); "-" for no whole. */
  static String share(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    if (part > 0 && part * 100 < whole) {
      return "<1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }

  /**
   * Bytes in binary units with three significant digits: 512, 10.6K, 3.20M, 1.00G (K = KiB, M = MiB). A figure
   * that would print as 1000 or more of a unit moves to the next one (0.99M, not 1015K), so a column's digits
   * compare.
   */
  public static String bytes(long n) {
    if (n < 1000) {
      return Long.toString(n);
    }
    String[] units = {"K", "M", "G", "T"};
    double v = n;
    int u = -1;
    do {
      v /= 1024;
      u++;
    } while (v >= 999.5 && u < units.length - 1);
    return String.format(Locale.ROOT, v >= 99.95 ? "%.0f%s" : v >= 9.995 ? "%.1f%s" : "%.2f%s", v, units[u]);
  }
}
