/**
 * {@code allocsim bench}: one fixed mixed workload replayed by the batched engine, by one DSOL event per record and
 * by a plain loop, with heap, long-trace, library and parallel figures, all from one run (issue 8).
 */
package org.allocsim.bench;
