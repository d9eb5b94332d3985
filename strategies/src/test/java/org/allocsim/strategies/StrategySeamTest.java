package org.allocsim.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.Strategies;
import org.allocsim.strategy.StrategyInfo;
import org.junit.jupiter.api.Test;

/** The seam stays narrow and read-only: what issue 13 asked for, checked on the sources as they are. */
class StrategySeamTest {
  private static final Path SOURCES = Path.of("src/main/java/org/allocsim/strategies");
  /** Kernel types that can change state; strategies see them only through views. */
  private static final Set<String> MUTABLE = Set.of("org.allocsim.memory.BpfMemAlloc",
      "org.allocsim.memory.ObjectTable", "org.allocsim.memory.Slab", "org.allocsim.world.BpfMap",
      "org.allocsim.world.Program", "org.allocsim.world.World", "org.allocsim.world.SlotArray",
      "org.allocsim.world.Holders", "org.allocsim.world.Process", "org.allocsim.world.LoadedObject",
      "org.allocsim.btf.BtfObject");

  @Test
  void theInterfaceHasAtMostEightMethods() {
    List<String> names = new ArrayList<>();
    for (Method m : LifetimeStrategy.class.getDeclaredMethods()) {
      names.add(m.getName());
    }
    assertTrue(names.size() <= 8, names.toString());
  }

  @Test
  void noStrategyImportsAMutableKernelType() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : sources()) {
      for (String line : Files.readAllLines(f)) {
        String l = line.strip();
        if (l.startsWith("import ")) {
          String type = l.substring(7, l.length() - 1).replace("static ", "");
          boolean wholeKernel = type.startsWith("org.allocsim.kernel.") && !type.endsWith(".ScenarioException");
          if (wholeKernel || MUTABLE.contains(type) || MUTABLE.stream().anyMatch(m -> type.startsWith(m + "."))) {
            found.add(f.getFileName() + ": " + type);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void everyStrategyFileStaysUnder250Lines() throws IOException {
    for (Path f : sources()) {
      long lines = Files.readAllLines(f).size();
      assertTrue(lines < 250, f + " has " + lines + " lines");
    }
  }

  @Test
  void eachDesignDeclaresItsNameOnceAndItsParametersUnderIt() {
    Strategies installed = Strategies.installed();
    assertEquals(List.of("global", "runtime-refcount", "per-field", "per-field-dissolving", "static-per-map",
        "btf-placeholder", "first-proposal"), installed.names());
    StrategyInfo refcount = installed.info("runtime-refcount");
    assertEquals(List.of("runtime-refcount.merge", "runtime-refcount.atomic_cost",
        "runtime-refcount.drain_on_unload"), refcount.parameters().stream().map(p -> p.key()).toList());
    assertEquals(StrategyInfo.of(RuntimeRefcount.class), refcount);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.list(SOURCES)) {
      List<Path> out = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      assertTrue(out.size() > 7, "strategy sources not found under " + SOURCES.toAbsolutePath());
      return out;
    }
  }
}
