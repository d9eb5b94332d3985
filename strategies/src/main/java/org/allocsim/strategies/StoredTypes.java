package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.btf.BtfType;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.world.StepKind;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * What the verifier knows about the object a storing step writes: the register's BTF type. An allocation gives the
 * program's BTF type; a kptr_xchg out of a field gives that field's type in its map's BTF; a PUT_HELD stores what
 * the program's TAKE_HOLD steps took.
 */
final class StoredTypes {
  private StoredTypes() {}

  /** The possible types of the object the storing step op writes. */
  static List<BtfType> of(ProgramView p, Step op) {
    List<BtfType> out = new ArrayList<>();
    switch (op.kind()) {
      case ALLOC_STORE, ACQUIRE_STORE -> out.add(op.allocType());
      case MOVE -> out.add(op.from().type());
      case PUT_HELD -> {
        for (Step o : p.steps()) {
          if (o.kind() == StepKind.TAKE_HOLD) {
            out.add(o.from().type());
          }
        }
      }
      default -> {
      }
    }
    return out;
  }

  /**
   * The 2022 designs' type rule, "type only": a stored object's struct name must equal the field's. Allocators, not
   * BTF objects, carried the lifetime question then, so a reload with a fresh BTF object may still store.
   */
  static LoadVerdict namesMatch(ProgramView p) {
    for (Step op : p.steps()) {
      if (!op.kind().stores()) {
        continue;
      }
      String expected = op.to().type().name();
      boolean kernelField = op.to().type().isKernel();
      for (BtfType actual : of(p, op)) {
        // S20, Kumar 08-26: "btf_is_kernel(reg->btf) suffices" to keep local objects out of kernel kptr fields.
        if (!actual.name().equals(expected) || actual.isKernel() != kernelField) {
          return LoadVerdict.reject("invalid kptr access: type=ptr_" + actual.name() + " expected=ptr_" + expected
              + " (" + op.to() + ")");
        }
      }
    }
    return LoadVerdict.ACCEPT;
  }
}
