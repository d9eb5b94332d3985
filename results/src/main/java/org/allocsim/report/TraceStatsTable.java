package org.allocsim.report;

import java.util.List;
import java.util.Locale;
import org.allocsim.scenarios.trace.TraceSummary;

/** {@code allocsim trace stats}: a trace's summary as plain text, at most 72 columns wide. */
public final class TraceStatsTable {
  static final int WIDTH = 72;
  /** Long attach-point names are cut to this, so the table keeps its width. */
  private static final int NAME = 32;
  private static final String PROGRAM_HEADER = String.format(Locale.ROOT, "%-" + NAME + "s %6s %14s %7s",
      "program", "step", "records", "share");
  private static final String CPU_HEADER = String.format(Locale.ROOT, "%-6s %14s %7s", "cpu", "records", "share");

  private TraceStatsTable() {}

  public static String render(String title, TraceSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(title).append('\n');
    line(b, "records", Long.toString(s.records()));
    if (s.records() > 0) {
      line(b, "first record", s.firstNs() + " ns");
      line(b, "last record", s.lastNs() + " ns");
      line(b, "time span", duration(s.spanNs()));
      line(b, "mean rate", s.spanNs() == 0 ? "n/a (one instant)"
          : String.format(Locale.ROOT, "%.1f records/s", s.meanRatePerSecond()));
      line(b, "key1 range", s.key1Min() + " .. " + s.key1Max());
      line(b, "key2 range", s.key2Min() + " .. " + s.key2Max());
    }
    b.append('\n').append(PROGRAM_HEADER).append('\n').append("-".repeat(PROGRAM_HEADER.length())).append('\n');
    for (TraceSummary.ProgramCount p : s.programs()) {
      row(b, cut(p.name()), "all", p.records(), s.records());
      List<Long> steps = p.perStep();
      for (int step = 0; step < steps.size(); step++) {
        if (steps.get(step) > 0) {
          row(b, "", Integer.toString(step), steps.get(step), s.records());
        }
      }
    }
    b.append('\n').append(CPU_HEADER).append('\n').append("-".repeat(CPU_HEADER.length())).append('\n');
    for (int cpu = 0; cpu < s.perCpu().size(); cpu++) {
      long n = s.perCpu().get(cpu);
      if (n > 0) {
        b.append(String.format(Locale.ROOT, "%-6d %14d %7s%n", cpu, n, share(n, s.records())));
      }
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(String.format(Locale.ROOT, "%-14s %s%n", label, value));
  }

  private static void row(StringBuilder b, String name, String step, long n, long total) {
    b.append(String.format(Locale.ROOT, "%-" + NAME + "s %6s %14d %7s%n", name, step, n, share(n, total)));
  }

  private static String share(long n, long total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / total);
  }

  private static String cut(String name) {
    return name.length() <= NAME ? name : name.substring(0, NAME - 3) + "...";
  }

  /** A duration with three significant digits in the largest fitting unit: 512 ns, 1.50 ms, 6.00 s. */
  public static String duration(long ns) {
    if (ns < 1_000) {
      return ns + " ns";
    }
    String[] units = {"us", "ms", "s"};
    double v = ns;
    int u = -1;
    while (v >= 1_000 && u < units.length - 1) {
      v /= 1_000;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
  }
}
