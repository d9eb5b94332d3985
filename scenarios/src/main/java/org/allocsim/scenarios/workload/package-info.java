/** Workload generators: seeded record streams that model a data plane's program runs. */
package org.allocsim.scenarios.workload;
