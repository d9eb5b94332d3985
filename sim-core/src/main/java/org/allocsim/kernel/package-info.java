/**
 * The DSOL-driven kernel that replays a run in time order. DSOL schedules control events (loads, unloads, pins,
 * process exits) and metric samples; trace records and the model's own timed callbacks (irq_work, RCU callbacks,
 * program frees, a design's deferred actions) form one stream ({@code KernelStream}) that DSOL sees as a single
 * event, applied in tight batches between two DSOL events, never as one DSOL event each.
 *
 * <p>Ordering at equal times: internal callbacks (irq_work, RCU callbacks) first, then control events in timeline
 * order, then trace records in stream order, then the metric sample. Within one priority the order is FIFO.
 */
package org.allocsim.kernel;
