/**
 * Trace files: a readable line format ({@link org.allocsim.scenarios.trace.TextTrace}) and a compact binary one
 * ({@link org.allocsim.scenarios.trace.BinaryTrace}), both streamed batch by batch so a trace of any length replays
 * in bounded memory; {@link org.allocsim.scenarios.trace.Traces} picks a format by name, extension or magic, and
 * {@link org.allocsim.scenarios.trace.MergedStream} lays a trace over a generated workload. A trace holds program
 * steps only: timeline (control) events live in the scenario.
 */
package org.allocsim.scenarios.trace;
