package org.allocsim.scenarios.file;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.oracle.ViolationKind;

/**
 * Writes a scenario's {@code expect:} block from fresh runs ({@code allocsim bless}). Only that block changes; the
 * rest of the file keeps its text byte for byte, and the block's order is fixed, so the change reads well in
 * {@code git diff}.
 *
 * <p>Tolerances: verdicts, refused programs, violations and counts are exact, because the simulator is
 * deterministic and any change there is a change of behaviour. Memory figures (peak, end, stranded bytes) and
 * bookkeeping operations get 1% relative, and the warm fraction 0.01 absolute, so that a change in allocator
 * mechanics that moves memory by a few cache lines shows up only when it matters.
 */
public final class ExpectationWriter {
  private static final List<String> EXACT = List.of("loads_accepted", "loads_rejected", "failed_allocs",
      "null_allocs");
  private static final List<String> RELATIVE = List.of("peak_bytes", "end_bytes", "stranded_bytes_end",
      "bookkeeping_ops");

  private ExpectationWriter() {}

  /** The file's text with its expect block replaced (or appended) by expectations of these results. */
  public static String rewrite(String text, List<RunResult> results) {
    String block = block(results);
    int start = topLevelKey(text, "expect");
    if (start < 0) {
      String base = text.endsWith("\n") ? text : text + "\n";
      return base + block;
    }
    int end = nextTopLevelKey(text, start);
    return text.substring(0, start) + block + text.substring(end);
  }

  static String block(List<RunResult> results) {
    StringBuilder b = new StringBuilder("expect:\n");
    for (RunResult r : results) {
      b.append("  ").append(r.strategy()).append(":\n");
      figures(b, r);
    }
    return b.toString();
  }

  /** One strategy's own file: its expectations for each scenario run, keyed by scenario name. */
  static String entries(List<RunResult> results) {
    StringBuilder b = new StringBuilder();
    for (RunResult r : results) {
      b.append(r.scenario()).append(":\n");
      figures(b, r);
    }
    return b.toString();
  }

  /** The figures of one run, at four spaces: exact counts, refused programs, violations, then tolerated ones. */
  private static void figures(StringBuilder b, RunResult r) {
    {
      Map<String, Double> s = r.summary().asMap();
      for (String k : EXACT) {
        b.append("    ").append(k).append(": ").append(Expectation.format(s.get(k))).append('\n');
      }
      b.append("    rejected: [");
      List<String> rejected = r.verdicts().stream().filter(v -> !v.accepted()).map(LoadRecord::subject)
          .distinct().toList();
      for (int i = 0; i < rejected.size(); i++) {
        b.append(i > 0 ? ", " : "").append('"').append(rejected.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
            .append('"');
      }
      b.append("]\n    violations: {");
      ViolationKind[] kinds = ViolationKind.values();
      for (int i = 0; i < kinds.length; i++) {
        b.append(i > 0 ? ", " : "").append(kinds[i].label()).append(": ").append(r.violations(kinds[i]));
      }
      b.append("}\n");
      for (String k : RELATIVE) {
        b.append("    ").append(k).append(": {value: ").append(Expectation.format(s.get(k)))
            .append(", relative: 1%}\n");
      }
      b.append("    warm_alloc_fraction: {value: ")
          .append(String.format(Locale.ROOT, "%.4f", s.get("warm_alloc_fraction"))).append(", absolute: 0.01}\n");
    }
  }

  /** Offset of a line starting with {@code key:} at column 0, or -1. */
  static int topLevelKey(String text, String key) {
    int at = 0;
    while (at < text.length()) {
      if (text.startsWith(key + ":", at)) {
        return at;
      }
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        return -1;
      }
      at = nl + 1;
    }
    return -1;
  }

  /** Offset of the first line after from that starts a new top-level key or comment block, or the end. */
  static int nextTopLevelKey(String text, int from) {
    int nl = text.indexOf('\n', from);
    while (nl >= 0 && nl + 1 < text.length()) {
      char c = text.charAt(nl + 1);
      if (c != ' ' && c != '\n' && c != '\t') {
        return nl + 1;
      }
      nl = text.indexOf('\n', nl + 1);
    }
    return text.length();
  }
}
