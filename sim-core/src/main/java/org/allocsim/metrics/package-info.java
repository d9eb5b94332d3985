/**
 * Metrics of one run: a time series sampled on a fixed grid of simulated time and after every control event, and
 * the run's summary figures.
 */
package org.allocsim.metrics;
