package org.allocsim.scenarios.random;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunSpec;
import org.allocsim.params.Parameters;
import org.allocsim.world.ObjectSpec;

/**
 * One generated world: object files by scenario name, the timeline and a short trace. Everything a scenario file
 * holds, so it can run directly ({@link #toRunSpec}) or be written out ({@link ScenarioText}).
 *
 * @param name scenario name
 * @param durationNs simulated time
 * @param cpus possible CPUs
 * @param objects object files by their scenario name (the file is {@code <name>.bpf.o})
 * @param timeline user-space actions in time order
 * @param runs trace records in time order
 */
public record RandomWorld(String name, long durationNs, int cpus, Map<String, ObjectSpec> objects,
    List<RunSpec.TimedAction> timeline, List<Run> runs) {

  /** One trace record: program (attach point) runs step on cpu with the keys. */
  public record Run(long timeNs, int cpu, String program, int step, long key1, long key2) {
    public Run {
      Objects.requireNonNull(program, "program");
    }
  }

  public RandomWorld {
    objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    timeline = List.copyOf(timeline);
    runs = List.copyOf(runs);
  }

  /** The run spec every strategy runs (the same as reading the written scenario file). */
  public RunSpec toRunSpec(long seed) {
    RecordList records = new RecordList();
    for (Run r : runs) {
      records.add(r.timeNs(), r.cpu(), r.program(), r.step(), r.key1(), r.key2());
    }
    Parameters p = Parameters.EMPTY.with("cpus", Integer.toString(cpus));
    return new RunSpec(name, durationNs, seed, 0, p, Map.of(), timeline, rs -> records.stream());
  }

  public RandomWorld withName(String newName) {
    return new RandomWorld(newName, durationNs, cpus, objects, timeline, runs);
  }

  public RandomWorld withTimeline(List<RunSpec.TimedAction> t) {
    return new RandomWorld(name, durationNs, cpus, objects, t, runs);
  }

  public RandomWorld withRuns(List<Run> r) {
    return new RandomWorld(name, durationNs, cpus, objects, timeline, r);
  }

  public RandomWorld withObjects(Map<String, ObjectSpec> o, List<RunSpec.TimedAction> t) {
    return new RandomWorld(name, durationNs, cpus, o, t, runs);
  }

  /** Every record and action, counted: the size a minimiser shrinks. */
  public int events() {
    return timeline.size() + runs.size();
  }

  /** Steps over every program of every object. */
  public int steps() {
    int n = 0;
    for (ObjectSpec o : objects.values()) {
      for (var p : o.programs()) {
        n += p.steps().size();
      }
    }
    return n;
  }

}
