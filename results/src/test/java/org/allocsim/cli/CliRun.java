package org.allocsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code allocsim} command run in this JVM: its exit status and what it printed. */
record CliRun(int status, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }
}
