package org.allocsim.kernel;

/**
 * How a run moves through time. Every driver applies the same records and events in the same order, so all three
 * give identical results; they differ only in speed, which is what {@code allocsim bench} compares.
 */
public enum ReplayDriver {
  /** DSOL is the clock; records run in tight batches between two DSOL events (the engine's normal mode). */
  BATCHED,
  /** DSOL is the clock and every record is its own DSOL event: the baseline the batched replay must beat. */
  NAIVE_DSOL,
  /** No DSOL: a primitive event heap and the same batched replay, as the practical limit of the model. */
  PLAIN_LOOP
}
