package org.allocsim.report;

import java.util.List;
import java.util.Locale;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.RunSummary;

/** A per-strategy table of the summary figures, at most 72 columns wide. */
public final class SummaryTable {
  private static final String HEADER = String.format(Locale.ROOT, "%-20s %4s %4s %4s %6s %6s %6s %6s %4s",
      "strategy", "ok", "rej", "viol", "failed", "peak", "end", "strand", "warm");

  private SummaryTable() {
  }

  public static String render(List<RunResult> results) {
    StringBuilder b = new StringBuilder();
    b.append(HEADER).append('\n');
    b.append("-".repeat(HEADER.length())).append('\n');
    for (RunResult r : results) {
      RunSummary s = r.summary();
      b.append(String.format(Locale.ROOT, "%-20s %4d %4d %4d %6d %6s %6s %6s %3.0f%%%n", r.strategy(),
          s.loadsAccepted(), s.loadsRejected(), s.safetyViolations(), s.failedAllocs(), bytes(s.peakBytes()),
          bytes(s.endBytes()), bytes(s.strandedBytesEnd()), 100 * s.warmAllocFraction()));
    }
    return b.toString();
  }

  /** Bytes in binary units with three significant digits: 512, 10.6K, 3.20M, 1.00G. */
  public static String bytes(long n) {
    if (n < 1024) {
      return Long.toString(n);
    }
    String[] units = {"K", "M", "G", "T"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f%s" : v >= 10 ? "%.1f%s" : "%.2f%s", v, units[u]);
  }
}
