package org.allocsim.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.RunSummary;
import org.allocsim.oracle.Violation;
import org.allocsim.stats.ReplicationStatistics;

/**
 * report.html: one self-contained page (charts inline as SVG with real text, no network), mostly text: the table in
 * the units of summary.txt (KiB/MiB, ms/s), the refusals grouped by reason, the oracle's findings, the charts, the
 * command, the parameters and the scenario.
 */
public final class HtmlReport {
  private static final int MAX_FINDINGS = 50;

  private HtmlReport() {}

  /** charts: stem to SVG bytes, in display order. */
  public static String render(RunSet set, Map<String, byte[]> charts) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>allocsim: ")
        .append(esc(set.scenario())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#111;line-height:1.4}\n")
        .append(
            "table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 8px;text-align:right;white-space:nowrap}\n")
        .append("th:first-child,td:first-child{text-align:left}pre{background:#f4f4f4;padding:1em;overflow:auto}\n")
        .append("figure{margin:1em 0}svg{max-width:100%;height:auto}code{font-size:95%}\n</style></head><body>\n");
    b.append("<h1>").append(esc(set.scenario())).append("</h1>\n<p>").append(esc(set.description()))
        .append("</p>\n<p>allocsim ").append(esc(set.version())).append(", seed ").append(set.seed());
    if (!set.results().isEmpty()) {
      b.append(", ").append(set.results().get(0).summary().records()).append(" trace records");
    }
    b.append("</p>\n");
    if (set.replications() > 1) {
      b.append(StatisticsHtml.render(ReplicationStatistics.of(set.replicated())));
    } else {
      table(b, set.results());
    }
    b.append("<p><small>").append(esc(SummaryTable.LEGEND.replace('\n', ' ').trim())).append("</small></p>\n");
    refusals(b, set.results());
    findings(b, set.results());
    b.append("<h2>Charts</h2>\n");
    for (Map.Entry<String, byte[]> c : charts.entrySet()) {
      b.append("<figure class=\"chart\" id=\"chart-").append(esc(c.getKey())).append("\">\n")
          .append(inlineSvg(new String(c.getValue(), StandardCharsets.UTF_8))).append("\n</figure>\n");
    }
    b.append("<h2>Reproduce</h2>\n<pre>").append(esc(set.command())).append("</pre>\n");
    b.append("<h2>Parameters</h2>\n<table>\n");
    set.parameters().forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v))
        .append("</td></tr>\n"));
    b.append("</table>\n<h2>Scenario</h2>\n<pre>").append(esc(set.scenarioText())).append("</pre>\n");
    return b.append("</body></html>\n").toString();
  }

  private static void table(StringBuilder b, List<RunResult> results) {
    b.append("<h2>Per strategy</h2>\n<table id=\"summary\"><tr><th>strategy</th><th>loads accepted</th>")
        .append("<th>loads refused</th><th>oracle findings</th><th>failed allocations</th><th>idle records</th>")
        .append("<th>peak memory</th><th>end memory</th><th>stranded at end</th><th>warm</th>")
        .append("<th>bookkeeping ops</th></tr>\n");
    for (RunResult r : results) {
      RunSummary s = r.summary();
      b.append("<tr><td>").append(esc(r.strategy())).append("</td><td>").append(s.loadsAccepted())
          .append("</td><td>").append(s.loadsRejected()).append("</td><td>").append(s.safetyViolations())
          .append("</td><td>").append(s.failedAllocs()).append("</td><td>")
          .append(SummaryTable.share(s.idleRuns(), s.records())).append("</td><td>")
          .append(Units.memory(s.peakBytes())).append("</td><td>").append(Units.memory(s.endBytes()))
          .append("</td><td>")
          .append(Units.memory(s.strandedBytesEnd())).append("</td><td>").append(Units.percent(s.warmAllocFraction()))
          .append("</td><td>").append(String.format(java.util.Locale.ROOT, "%,d", s.bookkeepingOps()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void refusals(StringBuilder b, List<RunResult> results) {
    List<Refusals.Group> groups = Refusals.of(results);
    if (groups.isEmpty()) {
      b.append("<p>No load was refused.</p>\n");
      return;
    }
    b.append("<h2>Refused loads</h2>\n<p>By strategy and reason; every refusal is in verdicts.csv.</p>\n<ul>\n");
    for (Refusals.Group g : groups) {
      b.append("<li><b>").append(esc(String.join(", ", g.strategies()))).append("</b>: ").append(g.refused())
          .append(" refused")
          .append(g.strategies().size() > 1 ? " each, the same " + (g.refused() > 1 ? "loads" : "load") : "")
          .append("<ul>\n");
      for (Refusals.Reason r : g.reasons()) {
        b.append("<li>").append(r.count()).append(" × <i>").append(esc(r.reason())).append("</i>")
            .append(r.count() > 1 ? "; the first" : "").append(", at ").append(Units.time(r.first().timeNs()))
            .append(": <code>").append(esc(r.first().subject())).append("</code>: ")
            .append(esc(r.first().reason())).append("</li>\n");
      }
      b.append("</ul></li>\n");
    }
    b.append("</ul>\n");
  }

  private static void findings(StringBuilder b, List<RunResult> results) {
    if (results.stream().allMatch(r -> r.violations().isEmpty())) {
      b.append("<p>Safety oracle: no findings.</p>\n");
      return;
    }
    b.append("<h2>Safety oracle findings</h2>\n<ul>\n");
    for (RunResult r : results) {
      int n = 0;
      for (Violation v : r.violations()) {
        if (n++ == MAX_FINDINGS) {
          b.append("<li>").append(esc(r.strategy())).append(": more in violations.csv</li>\n");
          break;
        }
        b.append("<li>").append(esc(r.strategy())).append(" at ").append(Units.time(v.timeNs())).append(", ")
            .append(esc(v.kind().label())).append(", ").append(esc(v.event())).append(": ").append(esc(v.detail()))
            .append("</li>\n");
      }
    }
    b.append("</ul>\n");
  }

  /** An SVG document without its XML prolog and doctype, ready to sit inside HTML. */
  static String inlineSvg(String svg) {
    int start = svg.indexOf("<svg");
    return start < 0 ? "" : svg.substring(start);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
