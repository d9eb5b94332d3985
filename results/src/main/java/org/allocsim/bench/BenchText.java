package org.allocsim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@link BenchFigures} as the readable table with ratios, or as one JSON object. */
public final class BenchText {
  private BenchText() {}

  public static String table(BenchFigures f) {
    StringBuilder b = new StringBuilder();
    Machine m = f.machine();
    b.append(String.format(Locale.ROOT, "machine: %s, %d cores; %s%n", m.cpuModel(), f.cores(),
        String.join(", ", m.caches())));
    b.append(String.format(Locale.ROOT, "dependent random read: %.1f ns within 256 KiB, %.0f ns within 256 MiB; "
        + "%s random line reads/s with 16 in flight%n%n", m.l2LatencyNs(), m.dramLatencyNs(), mega(m.fetchesPerS())));
    b.append(String.format(Locale.ROOT, "workload bench-mixed: %,d records, %,d live objects at the end, %d cores%n",
        f.records(), f.liveObjects(), f.cores()));
    b.append(String.format(Locale.ROOT, "%-22s %12s %12s %12s %9s%n", "replay (records/s)", "median", "min", "max",
        "raw loop"));
    for (BenchFigures.StrategyFigures s : f.strategies()) {
      b.append(String.format(Locale.ROOT, "%-22s %12s %12s %12s %9s%n", s.name(), mega(s.replayRecordsPerS()),
          mega(s.replayMin()), mega(s.replayMax()), mega(s.rawLoopRecordsPerS())));
    }
    b.append(String.format(Locale.ROOT, "%nslowest strategy %s: replay %s records/s%n", f.slowest(),
        mega(f.replayRecordsPerS())));
    row(b, "naive DSOL (1 event/record)", mega(f.naiveDsolRecordsPerS()) + "/s",
        String.format(Locale.ROOT, "replay is %.1fx (target >= 4x)", f.replayRecordsPerS() / f.naiveDsolRecordsPerS()));
    row(b, "raw loop (no DSOL)", mega(f.rawLoopRecordsPerS()) + "/s",
        String.format(Locale.ROOT, "replay is %.2f of it (target >= 0.33)", f.replayRecordsPerS()
            / f.rawLoopRecordsPerS()));
    BenchFigures.ReferenceFigures ref = f.reference();
    row(b, "reference loop, sequential", mega(ref.sequential()) + "/s", String.format(Locale.ROOT,
        "replay is %.2f of it", f.replayRecordsPerS() / ref.sequential()));
    row(b, "reference loop, grouped", mega(ref.grouped()) + "/s", String.format(Locale.ROOT,
        "replay is %.2f of it (target >= 0.8)", f.replayRecordsPerS() / ref.grouped()));
    row(b, "cache-resident replay", mega(f.cacheResidentRecordsPerS()) + "/s",
        "same mix, 16k keys, ~10k live objects (target >= 40M/s)");
    row(b, "cache-resident reference", mega(ref.cacheResidentSequential()) + "/s", String.format(Locale.ROOT,
        "grouped %s/s; replay is %.2f of the sequential", mega(ref.cacheResidentGrouped()),
        f.cacheResidentRecordsPerS() / ref.cacheResidentSequential()));
    row(b, "workload generator", mega(f.generateRecordsPerS()) + "/s", "(not in the replay figures)");
    row(b, "heap per live object", String.format(Locale.ROOT, "%.1f B", f.bytesPerLiveObject()), "(target <= 32)");
    BenchFigures.LongTraceFigures l = f.longTrace();
    if (l != null) {
      row(b, "long trace, -Xmx" + l.maxHeapBytes() / 1048576 + "m", l.ok()
          ? String.format(Locale.ROOT, "%s records", mega((double) l.records())) : "FAILED",
          l.ok() ? String.format(Locale.ROOT, "peak heap in use %.0f MB, %.1f s, %s records/s",
              l.peakHeapBytes() / 1048576.0, l.seconds(), mega(l.records() / l.seconds())) : "");
    }
    BenchFigures.ScenarioFigures sc = f.library();
    if (sc != null) {
      b.append(String.format(Locale.ROOT, "%n%s, full run generator included (%s records), target >= 10M/s:%n",
          sc.scenario(), mega((double) sc.records())));
      for (int i = 0; i < sc.names().size(); i++) {
        row(b, "  " + sc.names().get(i), mega(sc.perStrategy().get(i)) + "/s", "");
      }
      row(b, "  all, generated once", mega(sc.sharedRecordsPerS()) + "/s", "as check runs it, one core");
      b.append('\n');
    }
    row(b, "library check", String.format(Locale.ROOT, "%.2f s", f.librarySeconds()),
        String.format(Locale.ROOT, "%d runs, %d expectation mismatches", f.libraryRuns(), f.libraryMismatches()));
    row(b, f.parallelRuns() + " runs, serial", String.format(Locale.ROOT, "%.2f s", f.serialSeconds()), "");
    row(b, f.parallelRuns() + " runs, " + f.cores() + " cores", String.format(Locale.ROOT, "%.2f s",
        f.parallelSeconds()),
        String.format(Locale.ROOT, "%.2fx serial (target <= 0.6x), speed-up %.2f",
            f.parallelSeconds() / f.serialSeconds(), f.parallelSpeedup()));
    b.append(String.format(Locale.ROOT, "%nbench wall time %.0f s%n", f.wallSeconds()));
    return b.toString();
  }

  public static String json(BenchFigures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("replay_records_per_s", f.replayRecordsPerS());
    m.put("naive_dsol_records_per_s", f.naiveDsolRecordsPerS());
    m.put("raw_loop_records_per_s", f.rawLoopRecordsPerS());
    m.put("bytes_per_live_object", f.bytesPerLiveObject());
    m.put("parallel_speedup", f.parallelSpeedup());
    m.put("slowest_strategy", f.slowest());
    m.put("replay_over_naive_dsol", f.replayRecordsPerS() / f.naiveDsolRecordsPerS());
    m.put("replay_over_raw_loop", f.replayRecordsPerS() / f.rawLoopRecordsPerS());
    m.put("cache_resident_records_per_s", f.cacheResidentRecordsPerS());
    m.put("records", f.records());
    m.put("live_objects", f.liveObjects());
    m.put("generate_records_per_s", f.generateRecordsPerS());
    Map<String, Object> per = new LinkedHashMap<>();
    for (BenchFigures.StrategyFigures s : f.strategies()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("replay_records_per_s", s.replayRecordsPerS());
      x.put("replay_records_per_s_min", s.replayMin());
      x.put("replay_records_per_s_max", s.replayMax());
      x.put("raw_loop_records_per_s", s.rawLoopRecordsPerS());
      per.put(s.name(), x);
    }
    m.put("strategies", per);
    BenchFigures.LongTraceFigures l = f.longTrace();
    if (l != null) {
      m.put("long_trace", Map.of("records", l.records(), "max_heap_bytes", l.maxHeapBytes(), "peak_heap_bytes",
          l.peakHeapBytes(), "seconds", l.seconds(), "ok", l.ok()));
    }
    m.put("library_check_seconds", f.librarySeconds());
    m.put("library_check_runs", f.libraryRuns());
    m.put("library_check_mismatches", f.libraryMismatches());
    m.put("parallel_runs", f.parallelRuns());
    m.put("serial_seconds", f.serialSeconds());
    m.put("parallel_seconds", f.parallelSeconds());
    m.put("cores", f.cores());
    Machine machine = f.machine();
    m.put("machine", Map.of("cpu_model", machine.cpuModel(), "caches", machine.caches(), "l2_latency_ns",
        machine.l2LatencyNs(), "dram_latency_ns", machine.dramLatencyNs(), "fetches_per_s_16_in_flight",
        machine.fetchesPerS()));
    BenchFigures.ReferenceFigures ref = f.reference();
    m.put("reference_sequential_records_per_s", ref.sequential());
    m.put("reference_grouped_records_per_s", ref.grouped());
    m.put("replay_over_reference_grouped", f.replayRecordsPerS() / ref.grouped());
    m.put("reference_cache_resident_sequential_records_per_s", ref.cacheResidentSequential());
    m.put("reference_cache_resident_grouped_records_per_s", ref.cacheResidentGrouped());
    BenchFigures.ScenarioFigures sc = f.library();
    if (sc != null) {
      Map<String, Object> full = new LinkedHashMap<>();
      for (int i = 0; i < sc.names().size(); i++) {
        full.put(sc.names().get(i), sc.perStrategy().get(i));
      }
      m.put("scenario_full_run", Map.of("scenario", sc.scenario(), "records", sc.records(),
          "records_per_s_generator_included", full, "shared_records_per_s", sc.sharedRecordsPerS()));
    }
    m.put("wall_seconds", f.wallSeconds());
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void row(StringBuilder b, String label, String value, String note) {
    b.append(String.format(Locale.ROOT, "%-30s %14s  %s%n", label, value, note).stripTrailing()).append('\n');
  }

  /** 12.3M, 456K, 789. */
  static String mega(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    }
    if (v >= 1e3) {
      return String.format(Locale.ROOT, "%.0fK", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
