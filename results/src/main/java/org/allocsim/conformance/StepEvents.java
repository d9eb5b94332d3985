package org.allocsim.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongBiFunction;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.Observations;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.StepOutcome;
import org.allocsim.world.ProgramSpec;

/** Step outcome counts as events, one per program step of the scenario: {@code allocated=3 replaced=1}. */
final class StepEvents {
  private StepEvents() {}

  /** Every program the timeline loads, by attach point (the first object's steps when names repeat). */
  static Map<String, ProgramSpec> programs(RunSpec spec) {
    Map<String, ProgramSpec> out = new LinkedHashMap<>();
    for (RunSpec.TimedAction ta : spec.timeline()) {
      if (ta.action() instanceof ControlAction.LoadObject a) {
        a.spec().programs().forEach(p -> out.putIfAbsent(p.name(), p));
      }
    }
    return out;
  }

  /** The kernel's counters: per program, a flat array indexed step * outcomes + outcome. */
  static void put(Map<String, String> events, Map<String, long[]> counters, RunSpec spec) {
    put(events, spec, (program, index) -> {
      long[] c = counters.get(program);
      return c == null || index >= c.length ? 0 : c[index];
    });
  }

  static void put(Map<String, String> events, Observations model, RunSpec spec) {
    StepOutcome[] outcomes = StepOutcome.values();
    put(events, spec, (program, index) -> model.count(program, index / outcomes.length,
        outcomes[index % outcomes.length]));
  }

  private static void put(Map<String, String> events, RunSpec spec, ToLongBiFunction<String, Integer> count) {
    StepOutcome[] outcomes = StepOutcome.values();
    for (ProgramSpec p : programs(spec).values()) {
      for (int s = 0; s < p.steps().size(); s++) {
        StringBuilder v = new StringBuilder();
        for (StepOutcome o : outcomes) {
          long n = count.applyAsLong(p.name(), s * outcomes.length + o.ordinal());
          if (n != 0) {
            v.append(v.length() == 0 ? "" : " ").append(o.label()).append('=').append(n);
          }
        }
        events.put(EventKeys.step(p.name(), s, p.steps().get(s).kind().label()),
            v.length() == 0 ? "none" : v.toString());
      }
    }
  }
}
