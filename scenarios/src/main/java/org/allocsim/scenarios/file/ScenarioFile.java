package org.allocsim.scenarios.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunSpec;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.workload.ProgramWorkload;
import org.allocsim.world.ObjectSpec;

/**
 * A scenario file as read: everything needed to run it under any strategy, plus its expectations.
 *
 * @param path the file
 * @param name scenario name
 * @param description one-line purpose
 * @param source message, commit or repository path it reproduces
 * @param durationNs simulated time
 * @param seed default seed
 * @param modelParameters values of the kernel model's and strategies' parameters (scenario, then --set)
 * @param parameters every parameter with its value, default, unit and source, for {@code allocsim params}
 * @param kernelTypes vmlinux structs used
 * @param objects object files by name
 * @param timeline control actions in time order
 * @param workload generated data plane, possibly empty
 * @param records inline records, or null
 * @param trace a trace file replayed on top, or null
 * @param checkDurationNs how much of the run {@code allocsim check} and {@code bless} simulate (its short mode;
 *     the whole duration unless the file says {@code check: {duration: …}})
 * @param expectations per strategy, possibly empty
 * @param text the file's text, for reports
 */
public record ScenarioFile(Path path, String name, String description, String source, long durationNs, long seed,
    Parameters modelParameters, List<ScenarioParameter> parameters, Map<String, Integer> kernelTypes,
    Map<String, ObjectSpec> objects, List<RunSpec.TimedAction> timeline, List<ProgramWorkload> workload,
    RecordList records, Path trace, long checkDurationNs, Map<String, Expectation> expectations, String text) {}
