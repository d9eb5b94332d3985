package org.allocsim.conformance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** conformance.csv and the plain-text table (at most 72 columns, for a mail). */
final class ConformanceReport {
  private ConformanceReport() {}

  static String csv(List<ScenarioCheck> checks) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
        .setHeader("scenario", "event", "kernel", "global", "agree", "explanation").get())) {
      for (ScenarioCheck c : checks) {
        for (Event e : c.events()) {
          p.printRecord(e.scenario(), e.event(), e.kernel(), e.global(),
              e.agree() ? "yes" : e.known().isEmpty() ? "no" : "known", e.known());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** One line per scenario, the totals, the disagreements and what did not run. */
  static String text(List<ScenarioCheck> checks, String kernelVersion) {
    StringBuilder s = new StringBuilder();
    s.append("allocsim kernel: the live kernel (Linux ").append(kernelVersion).append(") against global\n\n");
    s.append(String.format("%-36s %6s %6s %6s %6s%n", "scenario", "events", "loads", "agree", "differ"));
    s.append("-".repeat(66)).append('\n');
    long events = 0;
    long loads = 0;
    long agree = 0;
    int ran = 0;
    for (ScenarioCheck c : checks) {
      if (c.notRun() != null) {
        continue;
      }
      ran++;
      events += c.events().size();
      loads += c.loads();
      agree += c.agreeing();
      s.append(String.format("%-36s %6d %6d %6d %6d%n", clip(c.scenario(), 36), c.events().size(), c.loads(),
          c.agreeing(), c.events().size() - c.agreeing()));
    }
    s.append("-".repeat(66)).append('\n');
    s.append(String.format("%d scenarios, %d events, %d loads, %d agree%n", ran, events, loads, agree));
    for (ScenarioCheck c : checks) {
      for (Event e : c.events()) {
        if (!e.agree()) {
          s.append('\n').append(e.known().isEmpty() ? "DIFFERS " : "known   ").append(c.scenario()).append(": ")
              .append(e.event()).append("\n  kernel: ").append(e.kernel()).append("\n  global: ")
              .append(e.global()).append('\n');
          if (!e.known().isEmpty()) {
            s.append("  why: ").append(e.known()).append('\n');
          }
        }
      }
      if (!c.note().isEmpty()) {
        s.append('\n').append("note    ").append(c.scenario()).append(": ").append(c.note()).append('\n');
      }
    }
    boolean header = false;
    for (ScenarioCheck c : checks) {
      if (c.notRun() != null) {
        if (!header) {
          s.append("\nNot expressible on the kernel:\n");
          header = true;
        }
        s.append("  ").append(c.scenario()).append(": ").append(c.notRun()).append('\n');
      }
    }
    return s.toString();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
