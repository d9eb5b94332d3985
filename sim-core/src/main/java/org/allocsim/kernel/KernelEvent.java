package org.allocsim.kernel;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.LambdaSimEvent;

/**
 * A DSOL event with a fixed, cheap {@code toString()}: DSOL builds the log string of every scheduled event
 * eagerly (docs/engine-notes.md), and the default one stringifies the lambda.
 */
final class KernelEvent extends LambdaSimEvent<Long> {
  private static final long serialVersionUID = 1L;
  private final String label;

  KernelEvent(long timeNs, short priority, String label, Executable action) {
    super(timeNs, priority, action);
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
