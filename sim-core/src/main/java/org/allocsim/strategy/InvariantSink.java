package org.allocsim.strategy;

/** Where a strategy reports a breach of its own invariants at the end of a run. */
@FunctionalInterface
public interface InvariantSink {
  void breach(String description);
}
