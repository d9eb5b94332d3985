/**
 * Random, well-formed worlds for property tests and the counterexample hunter: object files, maps, programs, a
 * timeline of user-space actions and a short trace, all drawn from one seed, and written back as a scenario file.
 */
package org.allocsim.scenarios.random;
