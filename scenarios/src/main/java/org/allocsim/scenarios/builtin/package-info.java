/** Scenarios defined in code, runnable by name from the command line. */
package org.allocsim.scenarios.builtin;
