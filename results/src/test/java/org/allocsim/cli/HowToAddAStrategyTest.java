package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "How to add a strategy", done end to end in a temporary tree: one class and one services line, then
 * {@code allocsim check}, which records the new design's expectations in a file of its own with one message and
 * rewrites no scenario file; the next check passes.
 */
class HowToAddAStrategyTest {
  private static final String SERVICES = "strategies/src/main/resources/META-INF/services/"
      + "org.allocsim.strategy.LifetimeStrategy";
  private static final String CLASS = "strategies/src/main/java/org/allocsim/strategies/OneArena.java";
  private static final String SOURCE = """
      package org.allocsim.strategies;

      import org.allocsim.memory.AllocatorRef;
      import org.allocsim.strategy.Design;
      import org.allocsim.strategy.LifetimeStrategy;
      import org.allocsim.strategy.LoadVerdict;
      import org.allocsim.strategy.StrategyContext;
      import org.allocsim.strategy.Verification;
      import org.allocsim.world.Step;
      import org.allocsim.world.ProgramView;

      /** One allocator serves every allocation and lives for the whole run. */
      @Design(name = "one-arena", rule = "one allocator for everything, never destroyed", source = "README how-to")
      public final class OneArena implements LifetimeStrategy {
        private AllocatorRef arena;

        @Override
        public void attach(StrategyContext context) {
          arena = context.createAllocator("arena");
        }

        @Override
        public LoadVerdict verify(Verification question) {
          return LoadVerdict.ACCEPT;
        }

        @Override
        public AllocatorRef allocatorFor(ProgramView program, Step step) {
          return arena;
        }
      }
      """;

  @TempDir
  Path tree;

  @Test
  void oneClassAndOneServicesLineThenCheckRecordsItsExpectations() throws Exception {
    String howTo = readme().split("## How to add a strategy\n", 2)[1].split("\n## ", 2)[0];
    assertTrue(howTo.contains("@Design") && howTo.contains(SERVICES.substring(SERVICES.indexOf("META-INF")))
        && howTo.contains("allocsim check"), howTo);
    Path library = Files.createDirectories(tree.resolve("scenarios/library"));
    List<Path> scenarios = Stream.of("s01-map-free-live-kptrs.yaml", "s07-load-order.yaml")
        .map(n -> copy(Path.of("../scenarios/library", n), library.resolve(n))).toList();
    Files.createDirectories(tree.resolve(SERVICES).getParent());
    Files.copy(Path.of("..", SERVICES), tree.resolve(SERVICES));
    Map<Path, String> before = snapshot();

    // The two files the README's steps touch.
    Files.createDirectories(tree.resolve(CLASS).getParent());
    Files.writeString(tree.resolve(CLASS), SOURCE, StandardCharsets.UTF_8);
    Files.writeString(tree.resolve(SERVICES), "org.allocsim.strategies.OneArena\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    Path classes = compile();
    String first = checkWith(classes, scenarios, 0);
    assertEquals(1, first.lines().filter(l -> l.contains("had no expectations")).count(), first);
    assertTrue(first.contains("check: strategy one-arena had no expectations; recorded its 2 runs in "), first);
    assertTrue(first.contains("no regression"), first);

    Map<Path, String> after = snapshot();
    after.keySet().removeIf(p -> p.startsWith(tree.relativize(classes)));
    Map<Path, String> changed = new TreeMap<>();
    after.forEach((p, text) -> {
      if (!text.equals(before.get(p))) {
        changed.put(p, text);
      }
    });
    assertEquals(List.of(Path.of("scenarios/library/expectations/one-arena.yaml"), Path.of(CLASS),
        Path.of(SERVICES)), List.copyOf(changed.keySet()), "the author touched two files; check added one");
    assertTrue(changed.get(Path.of("scenarios/library/expectations/one-arena.yaml"))
        .contains("s07-load-order:\n    loads_accepted: 3\n"));

    String second = checkWith(classes, scenarios, 0);
    assertFalse(second.contains("had no expectations"), second);
    assertTrue(second.contains("check: 2 scenarios, 16 runs, no regression"), second);
  }

  private String checkWith(Path classes, List<Path> scenarios, int status) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread t = Thread.currentThread();
    ClassLoader saved = t.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, saved)) {
      t.setContextClassLoader(loader);
      String[] args = Stream.concat(Stream.of("check", "--threads", "2"), scenarios.stream().map(Path::toString))
          .toArray(String[]::new);
      assertEquals(status, Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)),
          out + "\n" + err);
    } finally {
      t.setContextClassLoader(saved);
    }
    return out.toString();
  }

  /** Builds the strategies module's addition as the project's build would: the class and its services file. */
  private Path compile() throws IOException {
    Path classes = Files.createDirectories(tree.resolve("build"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
        classes.toString(), tree.resolve(CLASS).toString());
    assertEquals(0, rc, "javac");
    Path services = classes.resolve(SERVICES.substring(SERVICES.indexOf("META-INF")));
    Files.createDirectories(services.getParent());
    Files.copy(tree.resolve(SERVICES), services);
    return classes;
  }

  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(tree.relativize(p), Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  private static Path copy(Path from, Path to) {
    try {
      return Files.copy(from, to);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
  }
}
