package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.world.FieldRef;
import org.allocsim.world.StepKind;
import org.allocsim.world.Step;

/**
 * The kptr fields a new object is stored into by one step: the field of alloc_store, both fields of
 * new_store_acquire, and the field that receives new_add's acquired reference. A graph root is not among them: the
 * 2022 designs bind kptr fields, and the thread never met a root (docs/designs.md, the designs on the new objects).
 */
final class Destinations {
  private Destinations() {}

  static List<FieldRef> ofAllocation(Step op) {
    List<FieldRef> out = new ArrayList<>(2);
    if (op.kind() == StepKind.ALLOC_STORE || op.kind() == StepKind.NEW_STORE_ACQUIRE) {
      out.add(op.to());
    }
    if (op.acquireTo() != null) {
      out.add(op.acquireTo());
    }
    return out;
  }
}
