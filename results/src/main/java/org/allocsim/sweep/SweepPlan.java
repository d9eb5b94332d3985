package org.allocsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep runs: everything that decides its results, and nothing that only decides where or how fast (threads,
 * shard, output folder). Runs are numbered point by point, then replication, then strategy; the number decides a
 * run's shard and its file, so it must not depend on anything else.
 *
 * @param scenario scenario name
 * @param description the scenario's one-line purpose
 * @param file the scenario file as given
 * @param scenarioSha256 SHA-256 of the scenario file's text: an edited file is another sweep
 * @param seed run seed
 * @param overrides fixed --set values, in key order
 * @param varied varied parameter to its values, in --vary order (the first varies slowest)
 * @param strategies strategies, in the order asked for
 * @param replications replications per point and strategy
 */
public record SweepPlan(String scenario, String description, String file, String scenarioSha256, long seed,
    Map<String, String> overrides, Map<String, List<String>> varied, List<String> strategies, int replications) {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SweepPlan {
    overrides = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(overrides));
    Map<String, List<String>> v = new LinkedHashMap<>();
    varied.forEach((k, values) -> v.put(k, List.copyOf(values)));
    varied = java.util.Collections.unmodifiableMap(v);
    strategies = List.copyOf(strategies);
    if (replications < 1) {
      throw new IllegalArgumentException("--replications must be at least 1");
    }
  }

  /** One run of the sweep. */
  public record Run(int index, int point, int replication, String strategy) {}

  /** Every point of the cartesian product, each a key-to-value map in --vary order. */
  public List<Map<String, String>> points() {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> e : varied.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : out) {
        for (String value : e.getValue()) {
          Map<String, String> q = new LinkedHashMap<>(p);
          q.put(e.getKey(), value);
          next.add(q);
        }
      }
      out = next;
    }
    return out.stream().map(java.util.Collections::unmodifiableMap).toList();
  }

  public int size() {
    return points().size() * replications * strategies.size();
  }

  public Run run(int index) {
    int s = index % strategies.size();
    int r = index / strategies.size() % replications;
    return new Run(index, index / strategies.size() / replications, r, strategies.get(s));
  }

  /** The --set values of a point's runs: the fixed overrides, then the point's values. */
  public Map<String, String> parametersOf(int point) {
    Map<String, String> m = new LinkedHashMap<>(overrides);
    m.putAll(points().get(point));
    return m;
  }

  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", scenario);
    root.put("description", description);
    root.put("file", file);
    root.put("scenario_sha256", scenarioSha256);
    root.put("seed", seed);
    ObjectNode o = root.putObject("overrides");
    overrides.forEach(o::put);
    ObjectNode v = root.putObject("varied");
    varied.forEach((k, values) -> values.forEach(v.putArray(k)::add));
    strategies.forEach(root.putArray("strategies")::add);
    root.put("replications", replications);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SweepPlan fromJson(String json) throws JsonProcessingException {
    JsonNode root = MAPPER.readTree(json);
    Map<String, String> overrides = new LinkedHashMap<>();
    root.get("overrides").properties().forEach(e -> overrides.put(e.getKey(), e.getValue().asText()));
    Map<String, List<String>> varied = new LinkedHashMap<>();
    root.get("varied").properties().forEach(e -> {
      List<String> values = new ArrayList<>();
      e.getValue().forEach(n -> values.add(n.asText()));
      varied.put(e.getKey(), values);
    });
    List<String> strategies = new ArrayList<>();
    root.get("strategies").forEach(n -> strategies.add(n.asText()));
    return new SweepPlan(root.get("scenario").asText(), root.get("description").asText(), root.get("file").asText(),
        root.get("scenario_sha256").asText(), root.get("seed").asLong(), overrides, varied, strategies,
        root.get("replications").asInt());
  }

  /** A short identity stamped on every run file, so that a run of another sweep is never taken for this one's. */
  public String fingerprint() {
    return sha256(toJson()).substring(0, 16);
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
