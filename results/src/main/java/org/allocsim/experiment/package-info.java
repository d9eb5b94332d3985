/** Running experiments: strategies (and later replications and sweep points) in parallel, in a fixed order. */
package org.allocsim.experiment;
