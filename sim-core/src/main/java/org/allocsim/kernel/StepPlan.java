package org.allocsim.kernel;

import org.allocsim.world.BpfMap;
import org.allocsim.world.FieldRef;
import org.allocsim.world.SlotArray;
import org.allocsim.world.Step;

/**
 * One step of an attached program, flattened for the replay (issue 17): the common kinds as an int, and for a kptr
 * field in a {@link BpfMap#direct} map its slot array, max_entries and layout, so that a record reaches its slot
 * in a few loads from one object instead of walking Program, Step, FieldRef and BpfMap. Everything here is fixed
 * once the program is loaded (a direct map's type and slots never change), so a plan holds as long as its program
 * stays attached ({@link StepPlans}).
 */
final class StepPlan {
  /** Kinds the replay applies from the plan; OTHER goes through the step's own kind. */
  static final int OTHER = 0;
  static final int ALLOC_STORE = 1;
  static final int ALLOC_DROP = 2;
  static final int TAKE_DROP = 3;
  static final int MOVE = 4;

  final Step step;
  final int code;
  /** The field read (kptr_xchg to NULL), when direct; else null and the step's FieldRef is used. */
  final BpfMap fromMap;
  final SlotArray fromSlots;
  final long fromMax;
  final int fromFields;
  final int fromField;
  /** The field written, when direct; else null. */
  final BpfMap toMap;
  final SlotArray toSlots;
  final long toMax;
  final int toFields;
  final int toField;

  StepPlan(Step step) {
    this.step = step;
    this.code = switch (step.kind()) {
      case ALLOC_STORE -> ALLOC_STORE;
      case ALLOC_DROP -> ALLOC_DROP;
      case TAKE_DROP -> TAKE_DROP;
      case MOVE -> MOVE;
      default -> OTHER;
    };
    FieldRef from = direct(step.from());
    FieldRef to = direct(step.to());
    this.fromMap = from == null ? null : from.map();
    this.fromSlots = from == null ? null : from.map().slots();
    this.fromMax = from == null ? 0 : from.map().maxEntries();
    this.fromFields = from == null ? 0 : from.map().fieldCount();
    this.fromField = from == null ? 0 : from.field();
    this.toMap = to == null ? null : to.map();
    this.toSlots = to == null ? null : to.map().slots();
    this.toMax = to == null ? 0 : to.map().maxEntries();
    this.toFields = to == null ? 0 : to.map().fieldCount();
    this.toField = to == null ? 0 : to.field();
  }

  private static FieldRef direct(FieldRef f) {
    return f != null && f.direct() ? f : null;
  }

  /** The slot of key in the field read ({@link BpfMap#slot}); only with fromSlots. */
  long fromSlot(long key) {
    return key * fromFields + fromField;
  }

  /** The slot of key in the field written; only with toSlots. */
  long toSlot(long key) {
    return key * toFields + toField;
  }
}
