package org.allocsim.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.Simulation;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.scenarios.random.RandomWorld;
import org.allocsim.scenarios.random.RandomWorlds;
import org.allocsim.scenarios.random.ScenarioText;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The generator is reproducible, and a world written as a scenario file reads back to the same runs. */
class RandomWorldsTest {
  private static final Strategies INSTALLED = Strategies.installed();

  @Test
  void theSameSeedAndNumberGiveTheSameWorld() {
    for (int n = 0; n < 50; n++) {
      assertEquals(RandomWorlds.generate(7, n), RandomWorlds.generate(7, n));
    }
    assertTrue(!RandomWorlds.generate(7, 1).equals(RandomWorlds.generate(8, 1)));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aWrittenWorldReadsBackToTheSameResults(long seed) {
    ScenarioReader reader = new ScenarioReader(INSTALLED);
    for (int n = 0; n < 40; n++) {
      RandomWorld w = RandomWorlds.generate(seed, n);
      String text = ScenarioText.write(w, List.of("round trip"), "world " + n);
      ScenarioFile f = reader.parse(Path.of(w.name() + ".yaml"), text, Parameters.EMPTY);
      assertEquals(w.timeline(), f.timeline(), text);
      assertEquals(w.objects().values().stream().toList(), f.objects().values().stream().toList(), text);
      for (String s : INSTALLED.names()) {
        RunResult direct = Simulation.run(w.toRunSpec(1), INSTALLED.create(s));
        RunResult read = Simulation.run(ScenarioRuns.spec(f, 1, 0), INSTALLED.create(s));
        assertEquals(direct.summary(), read.summary(), s + " on\n" + text);
        assertEquals(direct.violationCounts(), read.violationCounts(), s + " on\n" + text);
        assertEquals(direct.verdicts(), read.verdicts(), s + " on\n" + text);
      }
    }
  }

  @Test
  void worldsDoSomething() {
    // Guards the generator against drifting into worlds where nothing is stored: most worlds must accept loads,
    // allocate and leave the unsafe designs findings to make.
    int accepted = 0;
    int allocating = 0;
    for (int n = 0; n < 200; n++) {
      RunResult r = Simulation.run(RandomWorlds.generate(1, n).toRunSpec(1), INSTALLED.create("runtime-refcount"));
      accepted += r.summary().loadsAccepted() > 0 ? 1 : 0;
      allocating += r.summary().peakBytes() > 0 ? 1 : 0;
    }
    assertTrue(accepted > 150, accepted + " of 200 worlds accepted a load");
    assertTrue(allocating > 150, allocating + " of 200 worlds allocated");
  }
}
