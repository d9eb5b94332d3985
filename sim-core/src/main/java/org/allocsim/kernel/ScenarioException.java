package org.allocsim.kernel;

/**
 * A timeline action that cannot be carried out (an unknown instance, a pin path that exists): the scenario's
 * fault, not the model's. The engine adds the time and action to the message.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
