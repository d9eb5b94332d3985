package org.allocsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.scenarios.file.TraceCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code allocsim validate FILE...}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks scenario files without running them; exit status 2 if any is wrong.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files")
  List<Path> files = new ArrayList<>();

  @CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE", parameterConsumer = SetOption.class,
      description = "check with a parameter overridden, as run --set would run it")
  java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScenarioReader reader = new ScenarioReader();
    int status = 0;
    for (Path f : files) {
      try {
        ScenarioFile s = reader.read(f, new Parameters(overrides));
        TraceCheck.scan(s); // run checks every record as it replays: so does validate
        out.printf("%s: ok (%s: %d objects, %d timeline actions, %d records, %d expectations)%n", f, s.name(),
            s.objects().size(), s.timeline().size(), s.records() == null ? 0 : s.records().size(),
            s.expectations().size());
      } catch (ScenarioError | IllegalArgumentException | org.allocsim.kernel.TraceException e) {
        err.println("allocsim: " + e.getMessage());
        status = Main.BAD_INPUT;
      }
    }
    return status;
  }
}
