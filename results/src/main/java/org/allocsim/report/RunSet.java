package org.allocsim.report;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunResult;

/**
 * One scenario run under several strategies: what every report is made from.
 *
 * @param scenario scenario name
 * @param description one-line purpose
 * @param scenarioText the scenario file's text (empty for a built-in scenario)
 * @param parameters every parameter's value, by key, as the run used it
 * @param seed run seed
 * @param version allocsim version
 * @param command the exact command line that reproduces the run
 * @param results per strategy, in the order asked for
 */
public record RunSet(String scenario, String description, String scenarioText, Map<String, String> parameters,
    long seed, String version, String command, List<RunResult> results) {
}
