/** Scenarios: workload generators and the scenarios that ship with allocsim. */
package org.allocsim.scenarios;
