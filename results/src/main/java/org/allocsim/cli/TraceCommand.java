package org.allocsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code allocsim trace}: the trace-file tools, one subcommand each. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Records, converts and summarises trace files (text .trace/.txt, binary .bin).",
    subcommands = {TraceRecordCommand.class, TraceConvertCommand.class, TraceStatsCommand.class})
final class TraceCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: record, convert or stats");
  }
}
