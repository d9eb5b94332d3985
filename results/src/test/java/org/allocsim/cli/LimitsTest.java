package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.allocsim.params.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit is in the README with its property and default, and raising it through its property works. */
class LimitsTest {
  @TempDir
  Path dir;

  @Test
  void everyLimitIsInTheReadmeWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (Limit l : Limit.values()) {
      assertTrue(readme.contains("| `" + l.property() + "` | " + l.defaultValue() + " |"), l.property());
    }
  }

  @Test
  void theCatalogueSizeInTheReadmeIsTrue() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    try (Stream<Path> s = Files.list(Path.of("..", "scenarios", "bad"))) {
      long n = s.filter(p -> p.toString().endsWith(".yaml")).count();
      assertTrue(readme.contains("`scenarios/bad/` (" + n + " files"), "README states " + n + " bad scenarios");
    }
  }

  @Test
  void aLimitIsRaisedThroughItsProperty() throws IOException {
    Path f = dir.resolve("fine-grid.yaml");
    Files.writeString(f, "name: fine\ndescription: d\nduration: 1ms\nparameters:\n  metrics.sample_interval_ns: 1\n");
    StringWriter err = new StringWriter();
    assertEquals(2, Main.execute(new String[] {"validate", f.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true)));
    assertTrue(err.toString().contains("gives 1000001 samples"), err.toString());
    System.setProperty(Limit.SAMPLES.property(), "2000000");
    try {
      assertEquals(0, Main.execute(new String[] {"validate", f.toString()}, new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter())));
    } finally {
      System.clearProperty(Limit.SAMPLES.property());
    }
  }
}
