package org.allocsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Exit status: 0 fine, 1 an expectation failed, 2 bad input. */
@Command(name = "allocsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Simulates BPF allocator-lifetime designs (bpf list, August 2022) and compares them.",
    subcommands = {RunCommand.class, SweepCommand.class, MergeCommand.class, ValidateCommand.class,
        ParamsCommand.class, ListCommand.class, ExplainCommand.class, CheckCommand.class, BlessCommand.class,
        HuntCommand.class, BenchCommand.class, KernelCommand.class,
        TraceCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs a command line; returns the exit status. Input errors print one message, never a stack trace. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("allocsim: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, c, p) -> {
      if (UserErrors.isUserError(e)) {
        err.println("allocsim: " + e.getMessage());
        return BAD_INPUT;
      }
      throw e;
    });
    return cl.execute(args);
  }

  /** This build's version: from the jar manifest, or "dev" when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"allocsim " + version()};
    }
  }
}
