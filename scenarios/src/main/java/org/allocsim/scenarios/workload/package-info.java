/**
 * Workload generators: seeded record streams that model a data plane's program runs. A workload is a list of
 * {@link org.allocsim.scenarios.workload.ProgramWorkload} values (Poisson runs per CPU, weighted steps, uniform or
 * Zipf keys, optional object lifetimes), merged in time order by
 * {@link org.allocsim.scenarios.workload.Workload#stream}.
 */
package org.allocsim.scenarios.workload;
