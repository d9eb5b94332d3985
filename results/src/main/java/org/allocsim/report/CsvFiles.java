package org.allocsim.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.oracle.Violation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** metrics.csv (tidy long form), verdicts.csv and violations.csv, ready for pandas or R. */
public final class CsvFiles {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private CsvFiles() {}

  /**
   * time_s,strategy,replication,sample,metric,value — one row per sample and metric. A control event is sampled
   * at its own time, which a grid sample or another event may share: the sample number keeps the key
   * (strategy, replication, sample, metric) unique.
   */
  public static String metrics(RunSet set) {
    return write(p -> {
      p.printRecord("time_s", "strategy", "replication", "sample", "metric", "value");
      for (RunResult r : set.allRuns()) {
        MetricSeries s = r.series();
        for (int i = 0; i < s.size(); i++) {
          String t = seconds(s.time(i));
          for (Metric m : Metric.values()) {
            p.printRecord(t, r.strategy(), r.replication(), i, m.label(), s.value(m, i));
          }
        }
      }
    });
  }

  /** Every verifier decision in order (key: strategy, replication, verdict): program, time, BTF, verdict, reason. */
  public static String verdicts(RunSet set) {
    return write(p -> {
      p.printRecord("strategy", "replication", "verdict", "program", "time_s", "btf", "accepted", "reason");
      for (RunResult r : set.allRuns()) {
        int i = 0;
        for (LoadRecord v : r.verdicts()) {
          p.printRecord(r.strategy(), r.replication(), i++, v.subject(), seconds(v.timeNs()), v.btf(),
              v.accepted(), v.reason());
        }
      }
    });
  }

  /** Every kept oracle finding, in order (key: strategy, replication, finding). */
  public static String violations(RunSet set) {
    return write(p -> {
      p.printRecord("strategy", "replication", "finding", "time_s", "kind", "event", "object", "allocator",
          "detail");
      for (RunResult r : set.allRuns()) {
        int i = 0;
        for (Violation v : r.violations()) {
          p.printRecord(r.strategy(), r.replication(), i++, seconds(v.timeNs()), v.kind().label(), v.event(),
              v.object(),
              v.allocator(), v.detail());
        }
      }
    });
  }

  /** Seconds with nanosecond precision and no exponent, so that the text is exact and stable. */
  static String seconds(long ns) {
    return String.format(Locale.ROOT, "%d.%09d", ns / 1_000_000_000L, ns % 1_000_000_000L);
  }

  private interface Rows {
    void print(CSVPrinter p) throws IOException;
  }

  private static String write(Rows rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
      rows.print(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
