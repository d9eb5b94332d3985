package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.allocsim.params.Parameters;

/**
 * Everything one run needs except the strategy: the timeline of control actions, the record stream, the
 * parameters, the seed and how long simulated time runs. The same spec runs under every strategy.
 *
 * @param name scenario name
 * @param durationNs simulated time at which the run ends; records and events after it are not applied
 * @param seed run seed; random streams derive from it ({@link RandomStreams})
 * @param replication replication number, for independent streams per replication
 * @param parameters parameter values (defaults apply to unset keys)
 * @param kernelTypes vmlinux structs the scenario uses (e.g. bpf_cpumask) with their sizes
 * @param timeline control actions in time order (ties keep list order)
 * @param records opens the record stream of this run from the run's random streams
 */
public record RunSpec(String name, long durationNs, long seed, int replication, Parameters parameters,
    Map<String, Integer> kernelTypes, List<TimedAction> timeline, Function<RandomStreams, RecordStream> records) {

  /** A control action at a time. */
  public record TimedAction(long timeNs, ControlAction action) {
    public TimedAction {
      Objects.requireNonNull(action, "action");
      if (timeNs < 0) {
        throw new IllegalArgumentException("negative time for " + action.describe());
      }
    }
  }

  public RunSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(records, "records");
    kernelTypes = Map.copyOf(kernelTypes);
    timeline = List.copyOf(timeline);
    if (durationNs <= 0) {
      throw new IllegalArgumentException("run " + name + ": duration must be positive");
    }
    for (int i = 1; i < timeline.size(); i++) {
      if (timeline.get(i).timeNs() < timeline.get(i - 1).timeNs()) {
        throw new IllegalArgumentException("run " + name + ": timeline is not in time order at "
            + timeline.get(i).action().describe());
      }
    }
  }

  public RunSpec withParameters(Parameters p) {
    return new RunSpec(name, durationNs, seed, replication, p, kernelTypes, timeline, records);
  }

  /** The same run cut at durationNs (a short mode for long scenarios); later actions and records are dropped. */
  public RunSpec withDuration(long newDurationNs) {
    return new RunSpec(name, newDurationNs, seed, replication, parameters, kernelTypes, timeline.stream()
        .filter(a -> a.timeNs() <= newDurationNs).toList(), records);
  }

  /**
   * The same run whose records are generated on its first run and replayed from memory (12-16 bytes a record,
   * at most an eighth of the heap) by the next {@code runs - 1} runs of it: one spec under several strategies.
   * A single run keeps its stream (a generator read ahead overlaps the replay; held records would not).
   */
  public RunSpec sharingRecords(int runs) {
    if (runs <= 1) {
      return this;
    }
    return new RunSpec(name, durationNs, seed, replication, parameters, kernelTypes, timeline,
        new RecordsOnce(records, Runtime.getRuntime().maxMemory() / 8, runs));
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Lets a test express a run in a few lines. */
  public static final class Builder {
    private final String name;
    private long durationNs = 1_000_000_000L;
    private long seed = 1;
    private Parameters parameters = Parameters.EMPTY;
    private final Map<String, Integer> kernelTypes = new LinkedHashMap<>();
    private final List<TimedAction> timeline = new ArrayList<>();
    private Function<RandomStreams, RecordStream> records = r -> RecordStream.empty();

    private Builder(String name) {
      this.name = name;
    }

    public Builder duration(long ns) {
      this.durationNs = ns;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    public Builder set(String key, String value) {
      parameters = parameters.with(key, value);
      return this;
    }

    public Builder kernelType(String typeName, int sizeBytes) {
      kernelTypes.put(typeName, sizeBytes);
      return this;
    }

    /** Adds an action; actions must be added in time order. */
    public Builder at(long timeNs, ControlAction action) {
      timeline.add(new TimedAction(timeNs, action));
      return this;
    }

    public Builder records(Function<RandomStreams, RecordStream> factory) {
      this.records = factory;
      return this;
    }

    public RunSpec build() {
      return new RunSpec(name, durationNs, seed, 0, parameters, kernelTypes, timeline, records);
    }
  }
}
