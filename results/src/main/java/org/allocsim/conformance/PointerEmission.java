package org.allocsim.conformance;

import org.allocsim.world.RegisterShape;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;

/**
 * A step's pointer-level shape in C, as the selftests write it: the release kfunc given {@code (void *)n + 1}
 * (linked_list_fail.c obj_drop_non_zero_off), a byte of the object read before its NULL check (new_null_ret) or after
 * its release (use_after_drop), a kptr field read with a plain load (map_kptr_fail.c reject_untrusted_xchg) or
 * written with a plain store (reject_untrusted_store_to_ref). The verifier refuses each; the model's refusal must
 * name the same words (Agreement.cause). A lock across RCU read sections is LockEmission's.
 */
final class PointerEmission {
  private PointerEmission() {}

  /** Whether the translation writes the step's shape: exactly one pointer-level key, on a kind it writes. */
  static boolean translates(StepSpec o) {
    RegisterShape s = o.shape();
    if (!s.withPointer(null, false, false, false).withNullCheck().isPlain()) {
      return false;
    }
    int keys = (s.offset() != null ? 1 : 0) + (s.readAfter() ? 1 : 0) + (s.plainLoad() ? 1 : 0)
        + (s.plainStore() ? 1 : 0) + (s.nullChecked() ? 0 : 1);
    boolean releases = o.kind() == StepKind.ALLOC_DROP || o.kind() == StepKind.ACQUIRE_RELEASE
        || o.kind() == StepKind.TAKE_DROP;
    boolean adds = o.kind() == StepKind.NEW_ADD || o.kind() == StepKind.TAKE_ADD;
    boolean fits = (s.offset() == RegisterShape.Offset.DROP && releases) || (s.offset() == RegisterShape.Offset.ROOT
        && adds) || (s.readAfter() && releases)
        || (!s.nullChecked() && o.kind() == StepKind.ALLOC_DROP) || (s.plainLoad() && o.kind() == StepKind.MOVE)
        || (s.plainStore() && (o.kind() == StepKind.MOVE || o.kind() == StepKind.ALLOC_STORE
            || o.kind() == StepKind.ACQUIRE_STORE));
    // reject_untrusted_store_to_ref loads plainly and stores plainly
    return (keys == 1 || (keys == 2 && s.plainLoad() && s.plainStore())) && fits;
  }

  /** What the root argument of an add is moved by: {@code " + 1"} for offset: root (incorrect_head_off1). */
  static String rootOffset(StepSpec o) {
    return o.shape().offset() == RegisterShape.Offset.ROOT ? " + 1" : "";
  }

  /** The pointer the step's release kfunc is given: its object, or a byte into it. */
  static String released(StepSpec o, String var) {
    return o.shape().offset() == RegisterShape.Offset.DROP ? "(void *)" + var + " + 1" : var;
  }

  /** A read of the object's first byte, before its NULL check or after its release; empty when the shape has none. */
  static String read(StepSpec o, String var, boolean afterRelease) {
    boolean read = afterRelease ? o.shape().readAfter() : !o.shape().nullChecked();
    return read ? "(void)*(volatile __u8 *)" + var + "; /* " + (afterRelease ? "read_after" : "null_check: false")
        + " */" : "";
  }
}
