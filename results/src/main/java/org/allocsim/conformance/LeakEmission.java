package org.allocsim.conformance;

import java.util.Set;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;

/**
 * A step with {@code leak: true} in C: the release of the reference the step keeps is left out, so the program ends
 * holding it and the verifier refuses it at BPF_EXIT with "Unreleased reference id=%d alloc_insn=%d"
 * (check_reference_leak), which the model's refusal must name (Agreement.cause: "Unreleased reference").
 */
final class LeakEmission {
  /** The kinds whose kept reference the translation can leave unreleased; other shapes are not translated. */
  private static final Set<StepKind> TRANSLATED = Set.of(StepKind.ALLOC_STORE, StepKind.ALLOC_DROP,
      StepKind.TAKE_DROP, StepKind.MOVE, StepKind.ACQUIRE_STORE, StepKind.ACQUIRE_RELEASE);

  private LeakEmission() {}

  /** Whether the translation writes the step's register shape: plain, a lock (LockEmission), or such a leak. */
  static boolean translates(StepSpec o) {
    return o.shape().isPlain() || LockEmission.translates(o)
        || (o.shape().leaks() && o.shape().withoutLeak().isPlain() && TRANSLATED.contains(o.kind()));
  }

  /** The release of the step's kept reference, or where the step leaks it, a comment saying so. */
  static String release(StepSpec o, String call) {
    return o.shape().leaks() ? "/* leak: " + call.replace("*/", "") + " left out */" : call;
  }
}
