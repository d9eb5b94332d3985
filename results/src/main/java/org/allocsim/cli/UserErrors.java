package org.allocsim.cli;

import org.allocsim.kernel.ScenarioException;
import org.allocsim.kernel.TraceException;
import org.allocsim.scenarios.file.ScenarioError;

/** Which exceptions are the user's input errors (exit 2, one line) rather than allocsim's bugs. */
final class UserErrors {
  private UserErrors() {
  }

  static boolean isUserError(Exception e) {
    return e instanceof ScenarioError || e instanceof ScenarioException || e instanceof TraceException
        || e instanceof IllegalArgumentException;
  }
}
