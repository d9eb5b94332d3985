package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.oracle.ViolationKind;

/**
 * What a scenario expects of one strategy: summary figures with tolerances, violation counts by kind, and which
 * loads are refused.
 *
 * @param strategy strategy name
 * @param figures summary figure name to expected value
 * @param violations violation kind to exact count (kinds not listed are not checked)
 * @param rejected program names expected to be refused at least once, or null when not checked
 * @param line line of the expectation in the file, for messages
 */
public record Expectation(String strategy, Map<String, Expected> figures, Map<ViolationKind, Long> violations,
    List<String> rejected, int line) {

  /**
   * An expected figure: |got - value| must be within {@code absolute}, or within {@code relative} * |value|.
   *
   * @param value expected value
   * @param absolute absolute tolerance (0 = exact)
   * @param relative relative tolerance as a fraction (0.05 = 5%)
   */
  public record Expected(double value, double absolute, double relative) {
    public boolean accepts(double got) {
      double diff = Math.abs(got - value);
      return diff <= absolute || diff <= relative * Math.abs(value);
    }

    public String tolerance() {
      if (absolute == 0 && relative == 0) {
        return "exact";
      }
      return relative > 0 ? String.format(Locale.ROOT, "±%.3g%%", relative * 100)
          : String.format(Locale.ROOT, "±%.6g", absolute);
    }
  }

  /** One failed expectation, as {@code allocsim check} prints it. */
  public record Mismatch(String strategy, String metric, String expected, String got, String tolerance) {}

  /** The mismatches of one run against this expectation; empty when everything holds. */
  public List<Mismatch> check(RunResult r) {
    List<Mismatch> out = new ArrayList<>();
    Map<String, Double> summary = r.summary().asMap();
    for (Map.Entry<String, Expected> e : figures.entrySet()) {
      double got = summary.get(e.getKey());
      if (!e.getValue().accepts(got)) {
        out.add(new Mismatch(strategy, e.getKey(), format(e.getValue().value()), format(got),
            e.getValue().tolerance()));
      }
    }
    for (Map.Entry<ViolationKind, Long> e : violations.entrySet()) {
      long got = r.violations(e.getKey());
      if (got != e.getValue()) {
        out.add(new Mismatch(strategy, "violations." + e.getKey().label(), Long.toString(e.getValue()),
            Long.toString(got), "exact"));
      }
    }
    if (rejected != null) {
      List<String> got = r.verdicts().stream().filter(v -> !v.accepted()).map(LoadRecord::subject).distinct()
          .toList();
      if (!got.equals(rejected)) {
        out.add(new Mismatch(strategy, "rejected", rejected.toString(), got.toString(), "exact"));
      }
    }
    return out;
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.6g", v);
  }
}
