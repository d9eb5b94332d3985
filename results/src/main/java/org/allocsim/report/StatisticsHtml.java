package org.allocsim.report;

import java.util.Map;
import org.allocsim.stats.Estimate;
import org.allocsim.stats.ReplicationStatistics;

/** The replications section of report.html: means with 95% intervals, and paired differences. */
final class StatisticsHtml {
  private static final Map<String, String> HEADS = Map.of("peak_bytes", "peak memory", "end_bytes", "end memory",
      "stranded_bytes_end", "stranded at end", "warm_alloc_fraction", "warm");

  private StatisticsHtml() {
  }

  static String render(ReplicationStatistics stats) {
    StringBuilder b = new StringBuilder();
    b.append("<h2>Over ").append(stats.replications()).append(" replications</h2>\n<p>Mean ± half-width of the 95% Student-t ")
        .append("confidence interval, as in summary.txt (K = KiB, M = MiB); every strategy of a replication saw the same random draws (common random ")
        .append("numbers).</p>\n<table id=\"statistics\">").append(header("strategy"));
    stats.strategies().forEach((name, m) -> b.append(row(name, m)));
    b.append("</table>\n<h3>Paired differences</h3>\n<p>First minus second, replication by replication; bold: ")
        .append("the interval excludes 0.</p>\n<table id=\"paired\">").append(header("first − second"));
    for (ReplicationStatistics.Pair p : stats.pairs()) {
      b.append(row(p.first() + " − " + p.second(), p.differences()));
    }
    return b.append("</table>\n").toString();
  }

  private static String header(String first) {
    StringBuilder b = new StringBuilder("<tr><th>").append(HtmlReport.esc(first)).append("</th>");
    StatisticsText.KEY.forEach(k -> b.append("<th>").append(HEADS.get(k)).append("</th>"));
    return b.append("</tr>\n").toString();
  }

  private static String row(String name, Map<String, Estimate> m) {
    StringBuilder b = new StringBuilder("<tr><td>").append(HtmlReport.esc(name)).append("</td>");
    for (String k : StatisticsText.KEY) {
      Estimate e = m.get(k);
      String cell = StatisticsText.cell(k, e, false);
      boolean excludes = e.lower() > 0 || e.upper() < 0;
      b.append("<td>").append(excludes ? "<b>" + cell + "</b>" : cell).append("</td>");
    }
    return b.append("</tr>\n").toString();
  }
}
