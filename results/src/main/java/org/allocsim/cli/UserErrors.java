package org.allocsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.allocsim.kernel.ScenarioException;
import org.allocsim.kernel.TraceException;
import org.allocsim.scenarios.file.ScenarioError;

/**
 * Which exceptions are the user's input errors (exit 2, one line) rather than allocsim's bugs. An output folder
 * that cannot be written (read-only, full disk), or a file that cannot be read, is the user's environment, not a
 * bug: one line too.
 */
final class UserErrors {
  private UserErrors() {}

  static boolean isUserError(Exception e) {
    return e instanceof ScenarioError || e instanceof ScenarioException || e instanceof TraceException
        || e instanceof IllegalArgumentException || e instanceof UncheckedIOException || e instanceof IOException;
  }
}
