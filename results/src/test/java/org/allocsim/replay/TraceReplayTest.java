package org.allocsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.scenarios.trace.MergedStream;
import org.allocsim.scenarios.trace.TraceFiles;
import org.allocsim.scenarios.trace.Traces;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded workload replays exactly as generated, alone or merged over the generator. */
class TraceReplayTest {
  @TempDir
  Path dir;

  @Test
  void aRecordedWorkloadReplaysLikeTheGeneratedOneAndMergesOverIt() throws IOException {
    ScenarioFile katran = new ScenarioReader().read(Path.of("..", "scenarios", "library",
        "katran-live-upgrade.yaml"), Parameters.EMPTY);
    RunSpec generated = ScenarioRuns.spec(katran, 3, 0, 20_000_000_000L);
    long records;
    try (RecordStream s = generated.records().apply(new RandomStreams(generated.seed(), 0))) {
      records = TraceFiles.write(s, dir.resolve("count.bin"));
    }
    RunResult fromGenerator = Simulation.run(generated, Strategies.installed().create("global"));
    for (Traces format : Traces.values()) {
      Path file = dir.resolve("katran." + format.extensions().get(0));
      try (RecordStream s = generated.records().apply(new RandomStreams(generated.seed(), 0))) {
        assertEquals(records, TraceFiles.write(s, file));
      }
      RunResult replayed = Simulation.run(with(generated, rs -> open(file)),
          Strategies.installed().create("global"));
      assertEquals(fromGenerator.summary(), replayed.summary(), format.formatName());

      RunResult merged = Simulation.run(with(generated,
          rs -> MergedStream.of(generated.records().apply(rs), open(file))), Strategies.installed().create("global"));
      assertEquals(2 * records, merged.summary().records(), format.formatName());
    }
  }

  private static RunSpec with(RunSpec s, Function<RandomStreams, RecordStream> records) {
    return new RunSpec(s.name(), s.durationNs(), s.seed(), s.replication(), s.parameters(), s.kernelTypes(),
        s.timeline(), records);
  }

  private static RecordStream open(Path file) {
    try {
      return TraceFiles.open(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
