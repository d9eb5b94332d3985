package org.allocsim.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.allocsim.chart.Charts;
import org.allocsim.chart.Figure;
import org.allocsim.chart.Render;

/** Writes everything a run produces into its output folder, all or nothing. */
public final class RunReport {
  private RunReport() {}

  public static void write(RunSet set, Path folder) {
    try (OutputFolder out = OutputFolder.create(folder)) {
      out.write("metrics.csv", CsvFiles.metrics(set));
      out.write("verdicts.csv", CsvFiles.verdicts(set));
      out.write("violations.csv", CsvFiles.violations(set));
      out.write("summary.json", SummaryJson.render(set));
      out.write("summary.txt", SummaryText.render(set));
      Map<String, byte[]> svgs = new LinkedHashMap<>();
      for (Map.Entry<String, Figure> c : Charts.all(set.scenario(), set.replicated()).entrySet()) {
        byte[] svg = Render.svg(c.getValue(), c.getKey());
        svgs.put(c.getKey(), svg);
        out.write("charts/" + c.getKey() + ".svg", svg);
        out.write("charts/" + c.getKey() + ".png", Render.png(c.getValue()));
      }
      out.write("report.html", HtmlReport.render(set, svgs));
      out.commit();
    }
  }
}
