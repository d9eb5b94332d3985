package org.allocsim.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allocsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** allocsim hunt finds the known holes unaided, writes scenario files that reproduce them, and exits 0 / 1 / 2. */
class HuntCommandTest {
  @TempDir
  Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
    out = o.toString();
    err = e.toString();
    return status;
  }

  @Test
  void findsFirstProposalsInnerMapHoleAndTheFileReproducesIt() throws IOException {
    Path file = dir.resolve("fp.yaml");
    assertEquals(0, run("hunt", "first-proposal", "--worlds", "1000", "--out", file.toString(), "--quiet"), err);
    assertTrue(out.contains("destroyed_with_live_objects"), out);
    assertTrue(out.contains("wrote " + file), out);
    String text = Files.readString(file);
    assertTrue(text.startsWith("# Found by the counterexample hunter: allocsim hunt first-proposal --seed 1"), text);
    assertTrue(text.contains("insert_inner"), "the S4 hole goes through an inner map:\n" + text);
    assertEquals(0, run("run", file.toString(), "--strategies", "first-proposal,global", "--out",
        dir.resolve("o").toString(), "--quiet"), err);
    assertTrue(out.lines().anyMatch(l -> l.matches("first-proposal +\\d+ +\\d+ +[1-9].*")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("global +\\d+ +\\d+ +0 .*")), out);
  }

  @Test
  void findsPerFieldsLoadOrderHoleWithoutMapInMap() throws IOException {
    Path file = dir.resolve("pf.yaml");
    assertEquals(0, run("hunt", "per-field", "--no-map-in-map", "--seed", "3", "--worlds", "3000", "--out",
        file.toString(), "--quiet"), err);
    String text = Files.readString(file);
    assertTrue(text.contains("move:"), "S7 moves an object into a field bound elsewhere:\n" + text);
    assertFalse(text.contains("insert_inner"), text);
    long events = text.lines().filter(l -> l.startsWith("  - ")).count();
    assertTrue(events <= 8, "a handful of actions and records:\n" + text);
  }

  @Test
  void noFindingUnderASafeDesignExitsOne() {
    assertEquals(1, run("hunt", "global", "--worlds", "30", "--out", dir.resolve("g.yaml").toString(), "--quiet"));
    assertTrue(out.startsWith("no finding under global in 30 worlds of seed 1"), out);
    assertFalse(Files.exists(dir.resolve("g.yaml")));
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    assertEquals(2, run("hunt", "per-feild"));
    assertTrue(err.startsWith("allocsim: unknown strategy 'per-feild' — did you mean 'per-field'?; known: "), err);
    assertEquals(2, run("hunt", "global", "--worlds", "0"));
    assertTrue(err.startsWith("allocsim: --worlds must be from 1 to "), err);
    assertEquals(2, run("hunt", "global", "--worlds", "many"));
    assertEquals(2, run("hunt", "global", "--worlds", "5", "--out", "/proc/nope/x.yaml", "--quiet"));
  }
}
