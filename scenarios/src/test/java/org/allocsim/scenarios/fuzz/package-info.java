/**
 * Jazzer fuzz tests of the scenario parser and the trace readers: only the documented input errors may escape.
 * Plain {@code mvn verify} replays the seed corpora in src/test/resources (regression mode); {@code JAZZER_FUZZ=1}
 * fuzzes one test for its maxDuration (README, Reliability).
 */
package org.allocsim.scenarios.fuzz;
