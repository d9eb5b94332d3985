package org.allocsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.scenarios.file.Expectation;

/** Compares runs with their scenario's expectations; a strategy without an expectation is itself a finding. */
public final class Regressions {
  private Regressions() {}

  /** One line of {@code allocsim check}'s diff. */
  public record Row(String scenario, String strategy, String metric, String expected, String got, String tolerance) {}

  public static List<Row> of(LibraryRuns.Outcome o) {
    List<Row> rows = new ArrayList<>();
    for (RunResult r : o.results()) {
      Expectation e = o.scenario().expectations().get(r.strategy());
      if (e == null) {
        rows.add(new Row(o.scenario().name(), r.strategy(), "(all)", "an expect: entry", "none",
            "run allocsim bless"));
        continue;
      }
      for (Expectation.Mismatch m : e.check(r)) {
        rows.add(new Row(o.scenario().name(), m.strategy(), m.metric(), m.expected(), m.got(), m.tolerance()));
      }
    }
    return rows;
  }
}
