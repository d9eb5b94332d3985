package org.allocsim.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.allocsim.scenarios.file.Suggest;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;

/** The checks of a {@code --strategies} list: every name known (with "did you mean"), none twice. */
final class StrategyOption {
  private StrategyOption() {}

  /** The names to run: the list given, or every installed strategy when it is empty. */
  static List<String> check(List<String> given, Strategies installed, CommandLine cl) {
    Set<String> seen = new HashSet<>();
    for (String n : given) {
      if (!installed.has(n)) {
        throw new CommandLine.ParameterException(cl, "--strategies: unknown strategy '" + n + "'"
            + Suggest.nearest(n, installed.names()) + "; known: " + String.join(", ", installed.names()));
      }
      if (!seen.add(n)) {
        // Found by issue 15: a name given twice ran twice and ended in the chart library's duplicate-series error.
        throw new CommandLine.ParameterException(cl, "--strategies: '" + n + "' is named twice; name each "
            + "strategy once");
      }
    }
    return given.isEmpty() ? installed.names() : given;
  }

  /** The error for an unknown strategy named as a parameter (hunt, explain). */
  static CommandLine.ParameterException unknown(String name, Strategies installed, CommandLine cl) {
    return new CommandLine.ParameterException(cl, "unknown strategy '" + name + "'"
        + Suggest.nearest(name, installed.names()) + "; known: " + String.join(", ", installed.names()));
  }
}
