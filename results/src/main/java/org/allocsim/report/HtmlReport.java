package org.allocsim.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.RunSummary;
import org.allocsim.oracle.Violation;
import org.allocsim.stats.ReplicationStatistics;

/** report.html: one self-contained page (charts inline as SVG, no network) with the summary and the scenario. */
public final class HtmlReport {
  private static final int MAX_FINDINGS = 50;

  private HtmlReport() {
  }

  /** charts: stem to SVG bytes, in display order. */
  public static String render(RunSet set, Map<String, byte[]> charts) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>allocsim: ")
        .append(esc(set.scenario())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#111}\n")
        .append("table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 8px;text-align:right}\n")
        .append("th:first-child,td:first-child{text-align:left}pre{background:#f4f4f4;padding:1em;overflow:auto}\n")
        .append("figure{margin:1em 0}svg{max-width:100%;height:auto}\n</style></head><body>\n");
    b.append("<h1>").append(esc(set.scenario())).append("</h1>\n<p>").append(esc(set.description()))
        .append("</p>\n<p>allocsim ").append(esc(set.version())).append(", seed ").append(set.seed()).append("</p>\n");
    b.append("<h2>Per strategy</h2>\n<table id=\"summary\"><tr><th>strategy</th><th>loads accepted</th>")
        .append("<th>loads rejected</th><th>safety violations</th><th>failed allocs</th><th>peak bytes</th>")
        .append("<th>end bytes</th><th>stranded at end</th><th>warm fraction</th><th>bookkeeping ops</th></tr>\n");
    for (RunResult r : set.results()) {
      RunSummary s = r.summary();
      b.append("<tr><td>").append(esc(r.strategy())).append("</td><td>").append(s.loadsAccepted())
          .append("</td><td>").append(s.loadsRejected()).append("</td><td>").append(s.safetyViolations())
          .append("</td><td>").append(s.failedAllocs()).append("</td><td>").append(s.peakBytes())
          .append("</td><td>").append(s.endBytes()).append("</td><td>").append(s.strandedBytesEnd())
          .append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.3f", s.warmAllocFraction()))
          .append("</td><td>").append(s.bookkeepingOps()).append("</td></tr>\n");
    }
    b.append("</table>\n");
    if (set.replications() > 1) {
      b.append("<p>The table above is the first replication.</p>\n")
          .append(StatisticsHtml.render(ReplicationStatistics.of(set.replicated())));
    }
    b.append("<h2>Charts</h2>\n");
    for (Map.Entry<String, byte[]> c : charts.entrySet()) {
      b.append("<figure class=\"chart\" id=\"chart-").append(esc(c.getKey())).append("\">\n")
          .append(inlineSvg(new String(c.getValue(), StandardCharsets.UTF_8))).append("\n</figure>\n");
    }
    b.append("<h2>Refused loads</h2>\n<ul>\n");
    for (RunResult r : set.results()) {
      for (LoadRecord v : r.verdicts()) {
        if (!v.accepted()) {
          b.append("<li>").append(esc(r.strategy())).append(" at ").append(CsvFiles.seconds(v.timeNs()))
              .append(" s: <b>").append(esc(v.subject())).append("</b>: ").append(esc(v.reason())).append("</li>\n");
        }
      }
    }
    b.append("</ul>\n<h2>Safety oracle findings</h2>\n<ul>\n");
    for (RunResult r : set.results()) {
      int n = 0;
      for (Violation v : r.violations()) {
        if (n++ == MAX_FINDINGS) {
          b.append("<li>").append(esc(r.strategy())).append(": more in violations.csv</li>\n");
          break;
        }
        b.append("<li>").append(esc(r.strategy())).append(" at ").append(CsvFiles.seconds(v.timeNs()))
            .append(" s, ").append(esc(v.kind().label())).append(", ").append(esc(v.event())).append(": ")
            .append(esc(v.detail())).append("</li>\n");
      }
    }
    b.append("</ul>\n<h2>Reproduce</h2>\n<pre>").append(esc(set.command())).append("</pre>\n");
    b.append("<h2>Parameters</h2>\n<table>\n");
    set.parameters().forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v))
        .append("</td></tr>\n"));
    b.append("</table>\n<h2>Scenario</h2>\n<pre>").append(esc(set.scenarioText())).append("</pre>\n");
    return b.append("</body></html>\n").toString();
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
