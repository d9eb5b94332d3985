package org.allocsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The runs/ folder of a sweep: one small JSON file per completed run, written to a temporary name and renamed, so
 * that a file is either whole or absent however the process ends. A file counts only if it names this plan and
 * this run; anything else (another sweep's run, a damaged file) is run again and overwritten.
 */
public final class RunStore {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;
  private final SweepPlan plan;
  private final String fingerprint;

  public RunStore(Path sweepFolder, SweepPlan plan) {
    this.folder = sweepFolder.resolve("runs");
    this.plan = plan;
    this.fingerprint = plan.fingerprint();
  }

  /**
   * Deletes half-written temporary run files a killed sweep may have left (".run-NNNNNN.json….tmp"); completed
   * runs are renamed into place whole, so nothing else can be partial. Returns how many went.
   */
  public int removeStaleTemporaries() {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int n = 0;
    try (java.util.stream.Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".run-") && name.endsWith(".tmp")) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot clean " + folder + ": " + e.getMessage(), e);
    }
    return n;
  }

  public static String fileName(int index) {
    return String.format(Locale.ROOT, "run-%06d.json", index);
  }

  /** Stores a completed run's summary figures (metric label to value, in a fixed order). */
  public void put(int index, Map<String, Double> summary) {
    SweepPlan.Run run = plan.run(index);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("plan", fingerprint);
    root.put("index", index);
    ObjectNode point = root.putObject("point");
    plan.points().get(run.point()).forEach(point::put);
    root.put("strategy", run.strategy());
    root.put("replication", run.replication());
    ObjectNode s = root.putObject("summary");
    summary.forEach((k, v) -> {
      if (v == Math.rint(v) && !Double.isInfinite(v) && !k.endsWith("fraction")) {
        s.put(k, v.longValue());
      } else {
        s.put(k, v);
      }
    });
    try {
      Files.createDirectories(folder);
      Path target = folder.resolve(fileName(index));
      Path tmp = SweepOutputs.freshFile(folder, "." + fileName(index) + "-", ".tmp");
      Files.writeString(tmp, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store run " + index + " in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The stored summary of run index, or null when it has not completed (or its file is not this run's). */
  public Map<String, Double> get(int index) {
    Path p = folder.resolve(fileName(index));
    if (!Files.isRegularFile(p)) {
      return null;
    }
    try {
      JsonNode root = MAPPER.readTree(Files.readString(p, StandardCharsets.UTF_8));
      SweepPlan.Run run = plan.run(index);
      if (root == null || !fingerprint.equals(root.path("plan").asText()) || root.path("index").asInt(-1) != index
          || !run.strategy().equals(root.path("strategy").asText())
          || run.replication() != root.path("replication").asInt(-1) || !root.has("summary")) {
        return null;
      }
      Map<String, Double> out = new LinkedHashMap<>();
      root.get("summary").properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
      return out;
    } catch (IOException e) {
      return null; // damaged or unreadable: run it again
    }
  }

  /** The stored file's bytes, for a merge to copy; null when absent or not this run's. */
  public byte[] bytes(int index) {
    if (get(index) == null) {
      return null;
    }
    try {
      return Files.readAllBytes(folder.resolve(fileName(index)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts another store's file for run index here as it is. */
  public void copy(int index, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Path tmp = SweepOutputs.freshFile(folder, "." + fileName(index) + "-", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, folder.resolve(fileName(index)), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store run " + index + " in " + folder + ": " + e.getMessage(), e);
    }
  }
}
