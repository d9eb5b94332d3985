package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in scenarios/bad states on its first line the exact message allocsim must give for it
 * ({@code # expect: {file}:LINE:COLUMN: ...}). validate and run must both exit 2 with that one line, and run must
 * leave no output folder. A {@code ...} in the message stands for a machine-dependent part (the JVM's heap size).
 */
class BadScenariosTest {
  @TempDir
  Path tmp;

  private static final Path BAD = Path.of("..", "scenarios", "bad");

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(BAD)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void theCatalogueIsLargeEnough() throws IOException {
    assertTrue(files().size() >= 56, "scenarios/bad holds " + files().size() + " files");
  }

  @TestFactory
  Stream<DynamicTest> eachBadFileGivesItsExactMessage() throws IOException {
    return files().stream().flatMap(f -> Stream.of("validate", "run")
        .map(command -> DynamicTest.dynamicTest(command + " " + f.getFileName(), () -> {
          byte[] bytes = Files.readAllBytes(f); // the rest of the file need not be text (50-binary-garbage)
          int eol = 0;
          while (bytes[eol] != '\n') {
            eol++;
          }
          String header = new String(bytes, 0, eol, java.nio.charset.StandardCharsets.UTF_8);
          assertTrue(header.startsWith("# expect: "), "first line of " + f + " must state the expected message");
          String expected = "allocsim: " + header.substring("# expect: ".length()).replace("{file}", f.toString());
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          Path outDir = tmp.resolve(f.getFileName() + "-out");
          String[] args = command.equals("run") ? new String[] {command, f.toString(), "--out", outDir.toString(),
              "--quiet"} : new String[] {command, f.toString()};
          int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
          assertEquals(2, status);
          if (expected.contains("...")) {
            String pattern = java.util.Arrays.stream(expected.split("\\.\\.\\.", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".+"));
            assertTrue(err.toString().trim().matches(pattern), err.toString());
          } else {
            assertEquals(expected, err.toString().trim());
          }
          assertEquals("", out.toString());
          try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "run left files behind");
          }
        })));
  }
}
