package org.allocsim.cli;

import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;

/**
 * Reads one {@code --set KEY=VALUE} into the option's map, refusing a key given twice (issue 16: the second one
 * silently won) and an argument without '='.
 */
final class SetOption implements CommandLine.IParameterConsumer {
  @Override
  public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
      CommandLine.Model.CommandSpec commandSpec) {
    if (args.isEmpty()) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "--set: expected KEY=VALUE after it");
    }
    String arg = args.pop();
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "--set " + arg + ": expected KEY=VALUE, "
          + "e.g. --set cpus=8");
    }
    String key = arg.substring(0, eq);
    Map<String, String> map = argSpec.getValue();
    if (map.containsKey(key)) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "--set " + arg + ": " + key
          + " is already set (--set " + key + "=" + map.get(key) + "); give each key once");
    }
    map.put(key, arg.substring(eq + 1));
  }
}
