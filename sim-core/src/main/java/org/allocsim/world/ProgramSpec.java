package org.allocsim.world;

import java.util.List;
import java.util.Objects;
import org.allocsim.memory.ExecContext;

/**
 * A program in an object file. Its used maps are the maps its steps name, as libbpf's relocations make them.
 *
 * @param name program name; also its attach point, so a reloaded program takes over its predecessor's runs
 * @param context where its runs execute (an NMI perf_event program, a softirq XDP program, ...)
 * @param sleepable sleepable programs are protected by RCU tasks trace, not plain RCU
 * @param steps the steps a run can perform; a trace record names one by index
 */
public record ProgramSpec(String name, ExecContext context, boolean sleepable, List<StepSpec> steps) {
  public ProgramSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(context, "context");
    steps = List.copyOf(steps);
  }

  public static ProgramSpec of(String name, ExecContext context, StepSpec... steps) {
    return new ProgramSpec(name, context, false, List.of(steps));
  }
}
