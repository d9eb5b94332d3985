/**
 * {@code allocsim kernel}: runs scenarios on the live Linux kernel and compares them, event by event, with the
 * {@code global} strategy's run of the same scenario. Each scenario object becomes one generated BPF C source
 * (clang-19), loaded and driven with bpftool; the verifier's verdicts, the programs' own outcome counters and the
 * objects each freed map held are set beside the model's. {@code --calibrate} measures slab bytes per object and
 * the delay from a map's drop to its memory coming back.
 */
package org.allocsim.conformance;
