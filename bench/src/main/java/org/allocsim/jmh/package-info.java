/**
 * JMH benchmarks of the replay engine on {@code allocsim bench}'s workload: batched replay per strategy, naive DSOL
 * (one event per record), the plain loop, and heap bytes per live object. Run them with
 * {@code java -jar bench/target/benchmarks.jar}.
 */
package org.allocsim.jmh;
