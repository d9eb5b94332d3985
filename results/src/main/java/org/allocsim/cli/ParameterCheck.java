package org.allocsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.params.ParameterSpec;
import org.allocsim.params.Parameters;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;

/** Rejects --set keys that no component declares, suggesting the nearest known key. */
final class ParameterCheck {
  private ParameterCheck() {
  }

  static List<ParameterSpec> known(Strategies strategies) {
    List<ParameterSpec> all = new ArrayList<>(KernelParameters.ALL);
    for (String n : strategies.names()) {
      all.addAll(strategies.create(n).parameters());
    }
    return all;
  }

  static Parameters validated(Parameters p, Strategies strategies, CommandLine cl) {
    List<ParameterSpec> known = known(strategies);
    for (String key : p.asMap().keySet()) {
      if (known.stream().noneMatch(s -> s.key().equals(key))) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (ParameterSpec s : known) {
          int d = distance(key, s.key());
          if (d < best) {
            best = d;
            nearest = s.key();
          }
        }
        throw new CommandLine.ParameterException(cl, "unknown parameter '" + key + "'"
            + (nearest != null && best <= Math.max(3, key.length() / 3) ? " — did you mean '" + nearest + "'?" : ""));
      }
    }
    return p;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
