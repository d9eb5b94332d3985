package org.allocsim.kernel;

/** DSOL priorities (higher runs first at equal time); see package-info for the ordering rule. */
final class Priority {
  /** irq_work, RCU callbacks, deferred program frees: due work runs before anything new at that instant. */
  static final short INTERNAL = 9;
  /** Timeline (control) events. */
  static final short CONTROL = 6;
  /** The batch replay of trace records. */
  static final short REPLAY = 4;
  /** Metric samples see the state after everything else at that instant. */
  static final short SAMPLE = 2;

  private Priority() {}
}
