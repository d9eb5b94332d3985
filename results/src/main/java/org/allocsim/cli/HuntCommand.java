package org.allocsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.allocsim.hunt.Hunt;
import org.allocsim.scenarios.random.WorldOptions;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim hunt STRATEGY}: searches random worlds for a finding and writes the minimised counterexample. */
@Command(name = "hunt", mixinStandardHelpOptions = true,
    description = "Searches random worlds for an oracle finding under STRATEGY, minimises the first one found "
        + "(delta debugging) and writes it as a scenario file. Exit status: 0 found, 1 none within --worlds, "
        + "2 bad input.")
final class HuntCommand implements Callable<Integer> {
  static final long MAX_WORLDS = 100_000_000L;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "STRATEGY", description = "the strategy to break")
  String strategy;

  @Option(names = "--worlds", paramLabel = "N", description = "worlds to search (default: ${DEFAULT-VALUE})")
  long worlds = 10_000;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the worlds (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--out", paramLabel = "FILE", description = "scenario file to write (default: "
      + "out/hunt-STRATEGY.yaml)")
  Path out;

  @Option(names = "--no-map-in-map", description = "worlds without outer maps and inner-map inserts: looks past "
      + "a map-in-map hole (per-field's S4) to the design's other holes")
  boolean noMapInMap;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() {
    Strategies installed = Strategies.installed();
    if (!installed.has(strategy)) {
      throw StrategyOption.unknown(strategy, installed, spec.commandLine());
    }
    if (worlds < 1 || worlds > MAX_WORLDS) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--worlds must be from 1 to " + MAX_WORLDS);
    }
    Path file = out != null ? out : Path.of("out", "hunt-" + strategy + ".yaml");
    writable(file); // before a minute of hunting, not after
    PrintWriter stdout = spec.commandLine().getOut();
    Hunt.Counterexample c;
    try (ProgressBar bar = quiet || Progress.noTerminal() ? null : new ProgressBarBuilder()
        .setTaskName("hunt " + strategy).setInitialMax(worlds).setUnit(" worlds", 1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build()) {
      c = Hunt.search(installed, strategy, seed, worlds, new WorldOptions(!noMapInMap), n -> {
        if (bar != null) {
          bar.stepTo(n);
        }
      });
    }
    if (c == null) {
      stdout.println("no finding under " + strategy + " in " + worlds + " worlds of seed " + seed);
      return 1;
    }
    String command = "allocsim hunt " + strategy + " --seed " + seed + " --worlds " + worlds
        + (noMapInMap ? " --no-map-in-map" : "");
    String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9_.-]", "-");
    write(file, c.scenario(command, name.isEmpty() ? "hunt" : name));
    stdout.println("found in world " + c.world() + " of seed " + seed + ": " + c.describe());
    stdout.println("minimised to " + c.minimal().timeline().size() + " actions and " + c.minimal().runs().size()
        + (c.minimal().runs().size() == 1 ? " record (" : " records (") + c.runs() + " runs); wrote " + file);
    return 0;
  }

  private static void writable(Path file) {
    try {
      Path dir = org.allocsim.scenarios.trace.TraceFiles.replaceableFile(file).getParent();
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, "." + file.getFileName(), ".probe"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getClass().getSimpleName()
          .replace("Exception", "") + " " + e.getMessage(), e);
    }
  }

  /** Written beside the target and renamed, so the file is whole or absent. */
  private static void write(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
