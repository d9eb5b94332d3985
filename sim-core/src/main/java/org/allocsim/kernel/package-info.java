/**
 * The DSOL-driven kernel that replays a run in time order. DSOL schedules control events (loads, unloads, pins,
 * process exits) and the model's own timed processes (irq_work, RCU callbacks, program frees, metric samples);
 * trace records are applied in tight batches between two DSOL events, never as one DSOL event each.
 *
 * <p>Ordering at equal times: internal processes (irq_work, RCU callbacks) first, then control events in timeline
 * order, then trace records in stream order, then the metric sample. Within one priority DSOL keeps FIFO order.
 */
package org.allocsim.kernel;
