package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** bench runs and prints its fields, on a tiny workload; speeds are never checked here, only in the bench. */
class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void jsonHasEveryHeadlineField() throws Exception {
    assertEquals(0, run("bench", "--json", "--scale", "0.005", "--repetitions", "1", "--long-records", "20000"),
        err.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    for (String field : new String[] {"replay_records_per_s", "naive_dsol_records_per_s", "raw_loop_records_per_s",
        "bytes_per_live_object", "parallel_speedup", "cache_resident_records_per_s", "library_check_seconds",
        "reference_sequential_records_per_s", "reference_grouped_records_per_s", "replay_over_reference_grouped"}) {
      assertTrue(j.has(field), field + " in " + out);
    }
    assertTrue(j.get("strategies").has("global"), out.toString());
    assertTrue(j.get("replay_records_per_s").asDouble() > 0, out.toString());
    assertTrue(j.get("long_trace").get("ok").asBoolean(), out.toString());
    assertTrue(j.get("long_trace").get("records").asLong() > 0, out.toString());
    assertTrue(j.get("reference_grouped_records_per_s").asDouble() > 0, out.toString());
    assertTrue(j.get("machine").get("dram_latency_ns").asDouble() > 0, out.toString());
    assertTrue(j.get("machine").get("cpu_model").asText().length() > 0, out.toString());
  }

  @Test
  void tableShowsTheRatios() {
    assertEquals(0, run("bench", "--scale", "0.005", "--repetitions", "1", "--long-records", "0"), err.toString());
    String table = out.toString();
    assertTrue(table.contains("naive DSOL (1 event/record)"), table);
    assertTrue(table.contains("replay is"), table);
    assertTrue(table.contains("reference loop, grouped"), table);
    assertTrue(table.startsWith("machine: "), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("global ")), table);
    assertTrue(err.toString().contains("bench: workload:"), err.toString());
  }

  @Test
  void scaleCurveWritesItsTableAndANewChart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path svg = dir.resolve("curve.svg");
    assertEquals(0, run("bench", "--scale-curve", svg.toString(), "--curve-live", "500,2000"), err.toString());
    String table = out.toString();
    assertEquals(4, table.lines().filter(l -> l.startsWith("uniform ") || l.startsWith("zipf ")).count(), table);
    assertTrue(java.nio.file.Files.readString(svg).contains("<svg"), "an SVG chart");
    assertEquals(2, run("bench", "--scale-curve", svg.toString()), "an existing file is never overwritten");
  }

  @Test
  void badOptionsAreBadInput() {
    assertEquals(2, run("bench", "--repetitions", "0"));
  }
}
