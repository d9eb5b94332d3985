/**
 * The scenario file format (YAML, in the thread's vocabulary): reading it with file, line and column on every
 * error, checking it, and turning it into a {@link org.allocsim.kernel.RunSpec}.
 */
package org.allocsim.scenarios.file;
