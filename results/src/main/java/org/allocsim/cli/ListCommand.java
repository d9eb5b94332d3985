package org.allocsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.allocsim.scenarios.builtin.KatranReload;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code allocsim list}: the strategies with their rule, and the scenarios. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists strategies and scenarios.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Strategies strategies = Strategies.installed();
    out.println("strategies:");
    for (String name : strategies.names()) {
      LifetimeStrategy s = strategies.create(name);
      out.printf("  %-22s %s%n", name, s.rule());
    }
    out.println("scenarios:");
    out.printf("  %-22s %s%n", KatranReload.NAME, KatranReload.PURPOSE);
    return 0;
  }
}
