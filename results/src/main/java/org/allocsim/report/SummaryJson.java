package org.allocsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.allocsim.kernel.RunResult;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.stats.ReplicationStatistics;

/**
 * summary.json: the scenario, its parameters, the seed, the version, and per strategy the summary figures (of the
 * first replication); with several replications also their statistics ({@link StatisticsJson}).
 */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  /**
   * A parameter's text as JSON: an integer or a decimal number as a number, true and false as booleans, anything
   * else (a duration such as 3s, an enum value) as the string it is.
   */
  public static JsonNode typed(String v) {
    if (v.equals("true") || v.equals("false")) {
      return BooleanNode.valueOf(Boolean.parseBoolean(v));
    }
    if (v.matches("-?\\d{1,18}")) {
      return LongNode.valueOf(Long.parseLong(v));
    }
    if (v.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
      return DoubleNode.valueOf(Double.parseDouble(v));
    }
    return TextNode.valueOf(v);
  }

  public static String render(RunSet set) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("allocsim_version", set.version());
    root.put("scenario", set.scenario());
    root.put("description", set.description());
    root.put("seed", set.seed());
    root.put("command", set.command());
    ObjectNode params = root.putObject("parameters");
    set.parameters().forEach((k, v) -> params.set(k, typed(v)));
    ObjectNode strategies = root.putObject("strategies");
    for (RunResult r : set.results()) {
      ObjectNode s = strategies.putObject(r.strategy());
      for (Map.Entry<String, Double> e : r.summary().asMap().entrySet()) {
        double v = e.getValue();
        if (v == Math.rint(v) && !e.getKey().endsWith("fraction")) {
          s.put(e.getKey(), (long) v);
        } else {
          s.put(e.getKey(), v);
        }
      }
      ObjectNode violations = s.putObject("violations");
      for (ViolationKind k : ViolationKind.values()) {
        violations.put(k.label(), r.violations(k));
      }
      ArrayNode breaches = s.putArray("invariant_breaches");
      r.invariantBreaches().forEach(breaches::add);
    }
    // The per-strategy fields above are the first replication's; with more, every metric's spread is here.
    root.put("replications", set.replications());
    if (set.replications() > 1) {
      StatisticsJson.put(root, ReplicationStatistics.of(set.replicated()));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
