package org.allocsim.report;

import java.util.List;
import java.util.Map;
import org.allocsim.stats.Estimate;
import org.allocsim.stats.ReplicationStatistics;

/** The replications section of report.html: means with 95% intervals, and paired differences. */
final class StatisticsHtml {
  private static final Map<String, String> HEADS = Map.of("peak_bytes", "peak memory", "end_bytes", "end memory",
      "stranded_bytes_end", "stranded at end", "warm_alloc_fraction", "warm");

  private StatisticsHtml() {}

  static String render(ReplicationStatistics stats) {
    StringBuilder b = new StringBuilder();
    b.append("<h2>Over ").append(stats.replications()).append(" replications</h2>\n<p>Mean ± half-width of the ")
        .append("95% Student-t confidence interval, as in summary.txt (K = KiB, M = MiB); every strategy of a ")
        .append("replication saw the same random draws (common random numbers).</p>\n<table id=\"statistics\">")
        .append(header("strategy", true));
    stats.strategies().forEach((name, m) -> b.append(row(name, m, false)));
    b.append("</table>\n<h3>Paired differences</h3>\n<p>First minus second, replication by replication; bold: ")
        .append("the interval excludes 0.</p>\n<table id=\"paired\">").append(header("first − second", false));
    for (ReplicationStatistics.Pair p : stats.pairs()) {
      b.append(row(p.first() + " − " + p.second(), p.differences(), true));
    }
    return b.append("</table>\n").toString();
  }

  private static String header(String first, boolean counts) {
    StringBuilder b = new StringBuilder("<tr><th>").append(HtmlReport.esc(first)).append("</th>");
    if (counts) {
      b.append("<th>loads accepted</th><th>loads refused</th><th>oracle findings</th><th>idle records</th>");
    }
    StatisticsText.KEY.forEach(k -> b.append("<th>").append(HEADS.get(k)).append("</th>"));
    return b.append("</tr>\n").toString();
  }

  /** paired: a difference, bold where its interval excludes 0; else a strategy's means, with its counts first. */
  private static String row(String name, Map<String, Estimate> m, boolean paired) {
    StringBuilder b = new StringBuilder("<tr><td>").append(HtmlReport.esc(name)).append("</td>");
    if (!paired) {
      for (String k : List.of("loads_accepted", "loads_rejected", "safety_violations")) {
        b.append("<td>").append(StatisticsText.count(m.get(k))).append("</td>");
      }
      b.append("<td>").append(StatisticsText.idle(m)).append("</td>");
    }
    for (String k : StatisticsText.KEY) {
      Estimate e = m.get(k);
      String cell = StatisticsText.cell(k, e, paired);
      boolean excludes = paired && (e.lower() > 0 || e.upper() < 0);
      b.append("<td>").append(excludes ? "<b>" + cell + "</b>" : cell).append("</td>");
    }
    return b.append("</tr>\n").toString();
  }
}
