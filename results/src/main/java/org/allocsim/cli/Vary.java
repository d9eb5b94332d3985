package org.allocsim.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.allocsim.scenarios.file.Suggest;
import picocli.CommandLine;

/** Parses and checks the --vary options of a sweep. */
final class Vary {
  private Vary() {}

  /** KEY=V1,V2,... options to key to values, in order; known: the scenario's parameter keys. */
  static Map<String, List<String>> parse(List<String> options, List<String> known, Collection<String> fixed,
      CommandLine cl) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String o : options) {
      int eq = o.indexOf('=');
      String key = eq > 0 ? o.substring(0, eq).trim() : "";
      List<String> values = new ArrayList<>();
      if (eq > 0) {
        for (String v : o.substring(eq + 1).split(",", -1)) {
          values.add(v.trim());
        }
      }
      if (key.isEmpty() || values.isEmpty() || values.contains("")) {
        throw new CommandLine.ParameterException(cl, "--vary: expected KEY=V1,V2,..., got '" + o + "'");
      }
      if (new LinkedHashSet<>(values).size() != values.size()) {
        throw new CommandLine.ParameterException(cl, "--vary: a value repeats in '" + o + "'");
      }
      if (!known.contains(key)) {
        throw new CommandLine.ParameterException(cl, "--vary: unknown parameter '" + key + "'"
            + Suggest.nearest(key, known) + " ('allocsim params FILE' lists them)");
      }
      if (out.containsKey(key) || fixed.contains(key)) {
        throw new CommandLine.ParameterException(cl, "--vary: '" + key + "' is given twice (by --vary or --set)");
      }
      out.put(key, values);
    }
    return out;
  }
}
