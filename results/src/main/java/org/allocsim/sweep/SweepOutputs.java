package org.allocsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allocsim.chart.Figure;
import org.allocsim.chart.Render;
import org.allocsim.report.OutputFolder;
import org.allocsim.report.StatisticsJson;
import org.allocsim.report.SummaryJson;
import org.allocsim.report.StatisticsText;
import org.allocsim.report.Wrap;
import org.allocsim.stats.Estimate;
import org.allocsim.stats.ReplicationStatistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A complete sweep's outputs, a function of its plan and its runs only (so a merge of shards writes the same bytes
 * as the sweep run in one go): sweep.csv, summary.json, summary.txt and charts/.
 */
public final class SweepOutputs {
  /** The folder of a sweep's summary set. */
  public static final String SUMMARY = "summary";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SweepOutputs() {}

  /**
   * Writes plan.json and the summary set (sweep.csv, summary.json, summary.txt, charts/) into folder/summary/,
   * replaced as a whole by one rename, so a reader never sees one run's csv beside another's charts.
   */
  public static void write(SweepResults results, Path folder) {
    file(folder, "plan.json", results.plan().toJson().getBytes(StandardCharsets.UTF_8));
    try (OutputFolder summary = OutputFolder.create(folder.resolve(SUMMARY))) {
      summary.write("sweep.csv", csv(results));
      summary.write("summary.json", json(results));
      summary.write("summary.txt", text(results));
      for (Map.Entry<String, Figure> c : SweepCharts.all(results).entrySet()) {
        summary.write("charts/" + c.getKey() + ".svg", Render.svg(c.getValue(), c.getKey()));
        summary.write("charts/" + c.getKey() + ".png", Render.png(c.getValue()));
      }
      summary.commit();
    }
  }

  /** Tidy long form: the varied parameters, strategy, replication, metric, value; one row per run and metric. */
  static String csv(SweepResults results) {
    SweepPlan plan = results.plan();
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      List<String> header = new ArrayList<>(plan.varied().keySet());
      header.addAll(List.of("strategy", "replication", "metric", "value"));
      p.printRecord(header);
      List<Map<String, String>> points = plan.points();
      for (int i = 0; i < plan.size(); i++) {
        SweepPlan.Run run = plan.run(i);
        for (Map.Entry<String, Double> e : results.summaries().get(i).entrySet()) {
          List<Object> row = new ArrayList<>(points.get(run.point()).values());
          row.addAll(List.of(run.strategy(), run.replication(), e.getKey(), number(e.getKey(), e.getValue())));
          p.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String json(SweepResults results) {
    SweepPlan plan = results.plan();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", plan.scenario());
    root.put("description", plan.description());
    root.put("seed", plan.seed());
    root.put("replications", plan.replications());
    root.put("confidence", Estimate.LEVEL);
    ObjectNode fixed = root.putObject("overrides");
    plan.overrides().forEach((k, v) -> fixed.set(k, SummaryJson.typed(v)));
    ObjectNode varied = root.putObject("varied");
    plan.varied().forEach((k, values) -> {
      ArrayNode list = varied.putArray(k);
      values.forEach(v -> list.add(SummaryJson.typed(v)));
    });
    ArrayNode points = root.putArray("points");
    List<Map<String, String>> all = plan.points();
    for (int p = 0; p < all.size(); p++) {
      ObjectNode n = points.addObject();
      ObjectNode params = n.putObject("parameters");
      all.get(p).forEach((k, v) -> params.set(k, SummaryJson.typed(v)));
      ReplicationStatistics stats = results.statistics(p);
      ObjectNode strategies = n.putObject("strategies");
      stats.strategies().forEach((name, m) -> StatisticsJson.metrics(strategies.putObject(name), m));
      ArrayNode pairs = n.putArray("paired_differences");
      for (ReplicationStatistics.Pair pair : stats.pairs()) {
        ObjectNode d = pairs.addObject();
        d.put("first", pair.first());
        d.put("second", pair.second());
        StatisticsJson.metrics(d.putObject("difference"), pair.differences());
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(SweepResults results) {
    SweepPlan plan = results.plan();
    StringBuilder b = new StringBuilder();
    b.append(Wrap.lines("allocsim sweep: scenario " + plan.scenario() + ", seed " + plan.seed() + ", "
        + plan.points().size() + " points x " + plan.strategies().size() + " strategies x " + plan.replications()
        + " replications = " + plan.size() + " runs", ""));
    b.append(Wrap.lines(plan.description(), ""));
    List<String> constant = new ArrayList<>();
    for (String m : results.metrics()) {
      if (results.constant(m)) {
        constant.add(m + " = " + number(m, results.summaries().get(0).get(m)));
      }
    }
    if (!constant.isEmpty()) {
      b.append(Wrap.lines("The same in every run: " + String.join(", ", constant) + ".", ""));
    }
    List<Map<String, String>> points = plan.points();
    for (int p = 0; p < points.size(); p++) {
      StringBuilder head = new StringBuilder();
      points.get(p).forEach((k, v) -> head.append(head.length() > 0 ? ", " : "").append(k).append(" = ").append(v));
      b.append('\n').append(Wrap.lines(head.toString(), ""));
      b.append(StatisticsText.table(results.statistics(p)));
    }
    b.append('\n').append(Wrap.lines("Cells: mean ± half-width of the 95% Student-t interval over the "
        + "replications. Paired differences per point are in summary.json; every run in sweep.csv.", ""));
    return b.toString();
  }

  private static Object number(String metric, double v) {
    return v == Math.rint(v) && !metric.endsWith("fraction") ? (Object) (long) v : (Object) v;
  }

  /** Writes one file by a rename, so that a reader sees the old or the new file, never half of one. */
  public static void file(Path folder, String name, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Path tmp = freshFile(folder, "." + name + "-", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  /** A new empty file with a random name, created with the umask's mode (not createTempFile's 0600). */
  static Path freshFile(Path folder, String prefix, String suffix) throws IOException {
    for (int attempt = 0;; attempt++) {
      Path p = folder.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current()
          .nextLong(), 36) + suffix);
      try {
        return Files.createFile(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }
}
