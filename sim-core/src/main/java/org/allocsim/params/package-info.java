/**
 * Named run parameters: the model's unknowns (grace-period latencies, irq_work latency, warmth cache size) and the
 * strategies' options, each declared once with its default, unit and source so that a scenario can set it, the
 * command line can override it and a sweep can vary it.
 */
package org.allocsim.params;
