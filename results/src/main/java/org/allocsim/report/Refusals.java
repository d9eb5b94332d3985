package org.allocsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;

/**
 * Refused loads grouped for a reader: strategies that refused exactly the same loads for the same reasons share one
 * entry, and within an entry the refusals are counted by reason with the first one in full. cilium-regeneration's
 * 48 near-identical lines become four entries; verdicts.csv keeps every one.
 */
public final class Refusals {
  private static final Pattern KERNEL_MESSAGE = Pattern.compile("\\(([a-z_ ]+[a-z])\\)\\s*$");
  private static final Pattern SPECIFIC = Pattern.compile("[^\\s()]*[0-9@#][^\\s()]*");

  private Refusals() {}

  /** One reason's refusals under some strategies: how many, and the first. */
  public record Reason(String reason, int count, LoadRecord first) {}

  /** Strategies that refused the same loads, and their refusals by reason, in order of first appearance. */
  public record Group(List<String> strategies, int refused, List<Reason> reasons) {}

  public static List<Group> of(List<RunResult> results) {
    Map<List<LoadRecord>, List<String>> same = new LinkedHashMap<>();
    for (RunResult r : results) {
      List<LoadRecord> refused = r.verdicts().stream().filter(v -> !v.accepted()).toList();
      if (!refused.isEmpty()) {
        same.computeIfAbsent(refused, k -> new ArrayList<>()).add(r.strategy());
      }
    }
    List<Group> out = new ArrayList<>();
    same.forEach((refused, strategies) -> {
      Map<String, List<LoadRecord>> byReason = new LinkedHashMap<>();
      refused.forEach(v -> byReason.computeIfAbsent(reasonOf(v.reason()), k -> new ArrayList<>()).add(v));
      List<Reason> reasons = new ArrayList<>();
      byReason.forEach((reason, list) -> reasons.add(new Reason(reason, list.size(), list.get(0))));
      out.add(new Group(List.copyOf(strategies), refused.size(), List.copyOf(reasons)));
    });
    return out;
  }

  /**
   * A refusal's reason without its particulars: the verifier's words before the first colon ("invalid kptr
   * access"), else the kernel's message in trailing parentheses ("kptr_offset already exists"), else the text with
   * every name that carries a digit, @ or # replaced by an ellipsis.
   */
  public static String reasonOf(String reason) {
    int colon = reason.indexOf(": ");
    if (colon > 0 && !SPECIFIC.matcher(reason.substring(0, colon)).find()) {
      return reason.substring(0, colon);
    }
    int last = reason.lastIndexOf(": ");
    if (last > 0 && !SPECIFIC.matcher(reason.substring(last + 2)).find()) {
      return reason.substring(last + 2); // "kptr_xchg from m1 (...) into m2 (...): objects must come from ..."
    }
    Matcher m = KERNEL_MESSAGE.matcher(reason);
    if (m.find()) {
      return m.group(1);
    }
    return SPECIFIC.matcher(reason).replaceAll("…").replaceAll("…( …)+", "…");
  }

  /** The summary.txt section, at most 72 columns. */
  static String render(List<RunResult> results) {
    List<Group> groups = of(results);
    if (groups.isEmpty()) {
      return "\nNo load was refused.\n";
    }
    StringBuilder b = new StringBuilder("\nRefused loads by strategy and reason (each one is in verdicts.csv):\n");
    for (Group g : groups) {
      b.append(Wrap.lines(String.join(", ", g.strategies()) + ": " + g.refused() + " refused"
          + (g.strategies().size() > 1 ? " each, the same " + (g.refused() > 1 ? "loads" : "load") : ""), "  "));
      for (Reason r : g.reasons()) {
        if (r.count() == 1) { // one refusal says it best in full
          b.append(Wrap.lines("at " + Units.time(r.first().timeNs()) + ", " + r.first().subject() + ": "
              + r.first().reason(), "  ", "    "));
          continue;
        }
        b.append(Wrap.lines(r.count() + " x " + r.reason() + "; the first, at " + Units.time(r.first().timeNs())
            + ":", "  ", "    "));
        b.append(Wrap.lines(r.first().subject() + ": " + r.first().reason(), "    ", "      "));
      }
    }
    return b.toString();
  }
}
