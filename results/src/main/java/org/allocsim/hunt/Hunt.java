package org.allocsim.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.oracle.Violation;
import org.allocsim.scenarios.random.RandomWorld;
import org.allocsim.scenarios.random.RandomWorlds;
import org.allocsim.scenarios.random.ScenarioText;
import org.allocsim.scenarios.random.WorldOptions;
import org.allocsim.strategy.Strategies;

/**
 * Searches worlds 0, 1, 2, ... of a seed for an oracle finding under one strategy, then minimises the first world
 * that has one, keeping the kind of its first finding.
 */
public final class Hunt {
  private Hunt() {}

  /**
   * A minimised counterexample.
   *
   * @param strategy the strategy hunted
   * @param seed the seed of the worlds
   * @param world the number of the world that showed the finding
   * @param found that world as drawn
   * @param minimal the minimised world
   * @param finding the minimal world's first finding of the kind
   * @param runs simulations run while minimising
   */
  public record Counterexample(String strategy, long seed, long world, RandomWorld found, RandomWorld minimal,
      Violation finding, int runs) {

    /** One line: kind, time, event and detail. */
    public String describe() {
      return finding.kind().label() + " at " + millis(finding.timeNs()) + ", " + finding.event() + ": "
          + finding.detail();
    }

    /** The scenario file, with a header that says how it was found and how to reproduce it. */
    public String scenario(String command, String name) {
      List<String> header = new ArrayList<>();
      header.add("Found by the counterexample hunter: " + command);
      header.add("World " + world + " of seed " + seed + " (" + found.timeline().size() + " actions, "
          + found.runs().size() + " records, " + found.steps() + " steps), minimised by delta debugging to "
          + minimal.timeline().size() + " actions, " + minimal.runs().size()
          + (minimal.runs().size() == 1 ? " record and " : " records and ") + minimal.steps()
          + " steps in " + runs + " runs.");
      header.add("Each action and record is needed: without any one of them the finding is gone.");
      header.add("Finding under " + strategy + ": " + describe());
      header.add("Reproduce: ./allocsim run FILE --strategies " + strategy);
      return ScenarioText.write(minimal.withName(name), header, "counterexample for " + strategy + ": "
          + finding.kind().description());
    }
  }

  /**
   * The first counterexample among worlds 0..worlds-1 of seed, or null. progress receives the number of worlds
   * searched so far.
   */
  public static Counterexample search(Strategies installed, String strategy, long seed, long worlds,
      WorldOptions options, LongConsumer progress) {
    for (long n = 0; n < worlds; n++) {
      RandomWorld w = RandomWorlds.generate(seed, n, options);
      RunResult r = Simulation.run(w.toRunSpec(1), installed.create(strategy));
      progress.accept(n + 1);
      if (!r.violations().isEmpty()) {
        Violation first = r.violations().get(0);
        Reproducer reproducer = new Reproducer(installed, strategy);
        if (reproducer.finding(w, first.kind()) == null) {
          continue; // cannot happen for a generated world; skip rather than report what a file would not show
        }
        RandomWorld minimal = new Minimiser(c -> reproducer.finding(c, first.kind()) != null).minimise(w);
        return new Counterexample(strategy, seed, n, w, minimal, reproducer.finding(minimal, first.kind()),
            reproducer.runs());
      }
    }
    return null;
  }

  static String millis(long ns) {
    return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
  }
}
