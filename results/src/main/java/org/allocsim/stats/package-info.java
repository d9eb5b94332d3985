/**
 * Statistics over replications: means, standard deviations and 95% Student-t confidence intervals of summary
 * metrics, and paired differences between strategies that shared a replication's random streams.
 */
package org.allocsim.stats;
