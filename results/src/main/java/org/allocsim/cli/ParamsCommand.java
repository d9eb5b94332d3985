package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.allocsim.kernel.KernelPreset;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioParameter;
import org.allocsim.scenarios.file.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code allocsim params FILE}: every parameter of a scenario, one per line, starting with its key. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = "Lists every parameter of a scenario with its value, default, unit and source.")
final class ParamsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", arity = "0..1", description = "scenario file")
  Path file;

  @Option(names = "--presets", description = "list the kernel presets (--preset NAME) with their source and values")
  boolean presets;

  @Option(names = "--set", paramLabel = "KEY=VALUE", parameterConsumer = SetOption.class,
      description = "override a parameter")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** A kernel version's parameter set (org.allocsim.kernel.KernelPreset); the same as --set preset=NAME. */
  @Option(names = "--preset", paramLabel = "NAME", description = "follow a kernel version's parameters, e.g."
      + " --preset v6.4 (allocsim params --presets lists them)")
  void preset(String name) {
    overrides.put("preset", name);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (presets) {
      for (KernelPreset p : KernelPreset.ALL) {
        out.printf("%s%s — %s (source: %s)%n", p.name(), p.equals(KernelPreset.CURRENT) ? " (default)" : "",
            p.description(), p.source());
        new TreeMap<>(p.values()).forEach((k, v) -> out.printf("  %s = %s%n", k, v));
      }
      return 0;
    }
    if (file == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE' (or give"
          + " --presets)");
    }
    for (ScenarioParameter p : new ScenarioReader().read(file, new Parameters(overrides)).parameters()) {
      out.printf("%s = %s%s (default %s; source: %s)%s%n", p.key(), p.value(),
          p.unit().isEmpty() ? "" : " " + p.unit(), p.defaultValue(), p.source(),
          p.description().isEmpty() ? "" : " — " + p.description());
    }
    return 0;
  }
}
