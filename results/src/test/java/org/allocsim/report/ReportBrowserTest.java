package org.allocsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allocsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html renders in headless Chromium (Debian's chromium package; CI installs it, and the results module's
 * browser profile runs this test wherever /usr/bin/chromium exists): the DOM Chromium builds holds the summary
 * table and one rendered SVG per chart file.
 */
class ReportBrowserTest {
  private static final Pattern PLOTTED = Pattern.compile("clip-path=\"url\\(#[^)]+\\)\"[^>]*>\\s*<path d=\"M");
  @TempDir
  Path dir;

  @Test
  void theReportRendersWithEveryChart() throws IOException, InterruptedException {
    Path out = dir.resolve("s7");
    int status = Main.execute(new String[] {"run", "../scenarios/library/s07-load-order.yaml", "--out",
        out.toString(), "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertEquals(0, status);
    long charts;
    try (var files = Files.list(out.resolve("charts"))) {
      charts = files.filter(p -> p.toString().endsWith(".svg")).count();
    }
    Process chromium = new ProcessBuilder(List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom",
        out.resolve("report.html").toUri().toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
    assertTrue(dom.contains("<table id=\"summary\">"), "no summary table in the rendered page");
    // The text is drawn with drawString, which JFreeSVG writes as <text>: a chart is an 800-pixel-wide SVG whose
    // title and ticks a reader can search, and whose data XChart draws as paths inside the plot's clip.
    Matcher figures = Pattern.compile("<figure class=\"chart\" id=\"chart-[^\"]+\">\\s*<svg[^>]*viewBox=\"0 0 800 "
        + "\\d+\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
    long rendered = 0;
    while (figures.find()) {
      rendered++;
      assertTrue(figures.group(1).contains(">s07-load-order: "), "a chart without its title as text");
      assertTrue(figures.group(1).split("<text").length > 4, "a chart without its tick labels as text");
      assertTrue(PLOTTED.matcher(figures.group(1)).find(), "a chart whose plot draws no data");
    }
    assertEquals(charts, rendered, "every chart file is an inline SVG in the rendered page");
  }
}
