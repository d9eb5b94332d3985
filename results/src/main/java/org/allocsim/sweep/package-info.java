/**
 * Parameter sweeps: the cartesian product of varied parameters x strategies x replications, run in parallel,
 * sharded across machines, each run's result stored as it completes (so a sweep resumes), and merged into tidy
 * CSV, summaries with confidence intervals and charts.
 */
package org.allocsim.sweep;
