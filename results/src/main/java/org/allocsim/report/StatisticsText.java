package org.allocsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allocsim.stats.Estimate;
import org.allocsim.stats.ReplicationStatistics;

/**
 * The replications part of summary.txt, at most 72 columns: per strategy the mean ± 95% half-width of the key
 * metrics, then for each pair of strategies their paired differences.
 */
public final class StatisticsText {
  /** The key metrics: summary.json has all of them. */
  static final List<String> KEY = List.of("peak_bytes", "end_bytes", "stranded_bytes_end", "warm_alloc_fraction");
  private static final String COLUMNS = String.format(Locale.ROOT, "%-20s %12s %12s %12s %12s", "strategy",
      "peak", "end", "strand", "warm");

  private StatisticsText() {}

  public static String render(ReplicationStatistics stats) {
    StringBuilder b = new StringBuilder(means(stats)).append('\n');
    b.append(Wrap.lines("Paired differences, first minus second, replication by replication (* = the interval "
        + "excludes 0):", ""));
    for (ReplicationStatistics.Pair p : stats.pairs()) {
      b.append(p.first()).append(" - ").append(p.second()).append('\n');
      b.append(row("", p.differences(), true));
    }
    return b.toString();
  }

  /** The console's view of replications: the counts and the memory, each a mean ± its 95% half-width. */
  public static String means(ReplicationStatistics stats) {
    StringBuilder b = new StringBuilder();
    b.append(Wrap.lines("Means over " + stats.replications() + " replications (common random numbers), ± "
        + "half-width of the 95% Student-t interval:", ""));
    String head = String.format(Locale.ROOT, COUNTS, "strategy", "ok", "rej", "viol", "failed", "idle");
    b.append(head).append('\n').append("-".repeat(head.length())).append('\n');
    stats.strategies().forEach((name, m) -> b.append(String.format(Locale.ROOT, COUNTS, name,
        count(m.get("loads_accepted")), count(m.get("loads_rejected")), count(m.get("safety_violations")),
        count(m.get("failed_allocs")), idle(m)).stripTrailing()).append('\n'));
    return b.append('\n').append(table(stats)).toString();
  }

  private static final String COUNTS = "%-20s %9s %9s %9s %11s %9s";

  /** A count's mean, with its half-width when the replications disagree. */
  static String count(Estimate e) {
    String mean = e.mean() == Math.rint(e.mean()) ? Long.toString((long) e.mean())
        : String.format(Locale.ROOT, "%.1f", e.mean());
    return Double.isNaN(e.halfWidth()) || e.halfWidth() == 0 ? mean
        : mean + "±" + String.format(Locale.ROOT, "%.1f", e.halfWidth());
  }

  /** Idle records as a share of all records, with the half-width of the idle count on the same scale. */
  static String idle(Map<String, Estimate> m) {
    double records = m.get("records").mean();
    Estimate idle = m.get("idle_runs");
    if (records == 0) {
      return "-";
    }
    if (Double.isNaN(idle.halfWidth()) || idle.halfWidth() == 0) {
      return SummaryTable.share(Math.round(idle.mean()), Math.round(records));
    }
    return String.format(Locale.ROOT, "%.1f±%.1f%%", 100 * idle.mean() / records, 100 * idle.halfWidth() / records);
  }

  /** The per-strategy table of mean ± half-width of the key metrics. */
  public static String table(ReplicationStatistics stats) {
    StringBuilder b = new StringBuilder();
    b.append(COLUMNS).append('\n').append("-".repeat(COLUMNS.length())).append('\n');
    stats.strategies().forEach((name, m) -> b.append(row(name, m, false)));
    return b.toString();
  }

  private static String row(String name, Map<String, Estimate> metrics, boolean signed) {
    // A difference cell can take a sign and a star: its rows give up the name column's width for it.
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, signed ? "%-16s" : "%-20s", name));
    for (String k : KEY) {
      Estimate e = metrics.get(k);
      String cell = cell(k, e, signed);
      if (signed && (e.lower() > 0 || e.upper() < 0)) {
        cell += "*";
      }
      b.append(String.format(Locale.ROOT, signed ? " %13s" : " %12s", cell));
    }
    return b.append('\n').toString();
  }

  /** One metric's mean ± half-width in summary.txt's units. */
  static String cell(String metric, Estimate e, boolean signed) {
    return metric.endsWith("fraction") ? percent(e, signed) : bytes(e, signed);
  }

  private static String bytes(Estimate e, boolean signed) {
    long mean = Math.round(e.mean());
    String m = SummaryTable.bytes(Math.abs(mean));
    String sign = mean < 0 ? "-" : signed && mean > 0 ? "+" : "";
    return sign + m + (Double.isNaN(e.halfWidth()) ? "" : "±" + SummaryTable.bytes(Math.round(e.halfWidth())));
  }

  private static String percent(Estimate e, boolean signed) {
    if (Double.isNaN(e.halfWidth())) { // one replication: no interval
      return String.format(Locale.ROOT, "%.1f%%", 100 * e.mean());
    }
    return String.format(Locale.ROOT, signed ? "%+.1f±%.1f%%" : "%.1f±%.1f%%", 100 * e.mean(), 100 * e.halfWidth());
  }
}
