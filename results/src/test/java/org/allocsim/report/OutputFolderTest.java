package org.allocsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  @TempDir
  Path dir;

  private List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void outputsAppearOnlyWhenCommittedAndReplaceEarlierOnes() throws IOException {
    Path target = dir.resolve("out");
    try (OutputFolder f = OutputFolder.create(target)) {
      f.write("a.txt", "first");
      f.commit();
    }
    try (OutputFolder f = OutputFolder.create(target)) {
      f.write("b.txt", "second");
      assertEquals("first", Files.readString(target.resolve("a.txt")), "the old outputs stay until commit");
      f.commit();
    }
    assertFalse(Files.exists(target.resolve("a.txt")));
    assertEquals("second", Files.readString(target.resolve("b.txt")));
    assertEquals(List.of("out"), entries());
  }

  @Test
  void aFailureWhileWritingLeavesNothingBehind() throws IOException {
    Path target = dir.resolve("out");
    assertThrows(IllegalStateException.class, () -> {
      try (OutputFolder f = OutputFolder.create(target)) {
        f.write("metrics.csv", "time_s\n");
        throw new IllegalStateException("a chart failed");
      }
    });
    assertEquals(List.of(), entries());
  }

  @Test
  void aFullFileSystemGivesAClearErrorAndLeavesNothingBehind() throws IOException {
    try (java.nio.file.FileSystem fs = com.google.common.jimfs.Jimfs.newFileSystem(
        com.google.common.jimfs.Configuration.unix().toBuilder().setMaxSize(64 * 1024).build())) {
      Path target = fs.getPath("/out/s7");
      java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> {
        try (OutputFolder f = OutputFolder.create(target)) {
          f.write("metrics.csv", "x".repeat(1 << 20));
          f.commit();
        }
      });
      assertTrue(e.getMessage().startsWith("cannot write metrics.csv: "), e.getMessage());
      try (Stream<Path> left = Files.list(fs.getPath("/out"))) {
        assertEquals(List.of(), left.toList());
      }
    }
  }

  @Test
  void aKilledRunLeavesNoOutputFolderAndNoPartialFiles() throws IOException, InterruptedException {
    Path target = dir.resolve("killed");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.allocsim.cli.Main", "run",
        "../scenarios/library/katran-live-upgrade.yaml", "--set", "rate=5000", "--out", target.toString(), "--quiet")
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    assertFalse(p.waitFor(3, TimeUnit.SECONDS), "the run should still be going");
    p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(List.of("log.txt"), entries());
  }
}
