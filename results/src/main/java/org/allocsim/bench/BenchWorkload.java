package org.allocsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunSpec;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;

/**
 * The bench's fixed workload (resource {@code bench-mixed.yaml}): its generated spec, and the same records held in
 * memory so that every replay measures the engine, not the generator.
 */
public final class BenchWorkload {
  /** Simulated time of the workload at scale 1. */
  public static final long DURATION_NS = 2_000_000_000L;
  static final String RESOURCE = "bench-mixed.yaml";

  private BenchWorkload() {}

  /** The generated workload, its simulated time multiplied by scale (records and time scale together). */
  public static RunSpec generated(double scale) {
    return generatedFor((long) Math.max(1_000_000, DURATION_NS * scale));
  }

  /** The generated workload run for durationNs of simulated time. */
  public static RunSpec generatedFor(long durationNs) {
    return generatedFor(durationNs, Map.of());
  }

  /** As {@link #generatedFor(long)} with scenario parameters overridden (e.g. a short flow_lifetime). */
  public static RunSpec generatedFor(long durationNs, Map<String, String> overrides) {
    return generatedFor(durationNs, overrides, false);
  }

  /** As {@link #generatedFor(long, Map)}; with zipf, keys are Zipf-distributed (exponent 0.99) over the same keys. */
  public static RunSpec generatedFor(long durationNs, Map<String, String> overrides, boolean zipf) {
    Map<String, String> values = new java.util.HashMap<>(overrides);
    values.put("duration", Long.toString(durationNs));
    // Four reloads whatever the length (500 ms at the default 2 s), so a tiny test run still has its timeline.
    values.putIfAbsent("reload_every", Long.toString(durationNs / 4));
    String uniform = "keys: {uniform: \"${keys}\"}";
    if (zipf && !text().contains(uniform)) {
      throw new IllegalStateException(RESOURCE + " no longer has the line " + uniform + " that Zipf keys replace");
    }
    String text = zipf ? text().replace(uniform, "keys: {zipf: \"${keys}\", exponent: 0.99}") : text();
    ScenarioFile f = new ScenarioReader(Strategies.installed()).parse(Path.of(RESOURCE), text,
        new Parameters(values));
    return ScenarioRuns.spec(f, f.seed(), 0);
  }

  /** The records of spec, generated once into memory (the seed and replication are the spec's). */
  public static RecordList record(RunSpec spec) {
    return RecordList.of(spec.records().apply(new RandomStreams(spec.seed(), spec.replication())));
  }

  /** spec replaying records from memory instead of generating them. */
  public static RunSpec replaying(RunSpec spec, RecordList records) {
    return new RunSpec(spec.name(), spec.durationNs(), spec.seed(), spec.replication(), spec.parameters(),
        spec.kernelTypes(), spec.timeline(), streams -> records.stream());
  }

  private static String text() {
    try (InputStream in = BenchWorkload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
