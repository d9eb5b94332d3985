package org.allocsim.strategies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.allocsim.world.StepKind;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * What one program contributes to per-field-dissolving's dependencies (Delyan 08-30 20:31, S11b): "Program X stores
 * allocation from Y into map Z, field A" and "Program X requires allocator for Y.A to equal allocator for Z.A".
 *
 * @param refers every field it reads or writes
 * @param stores allocations stored into a field, with the allocator as named
 * @param equal pairs of fields that must share an allocator (a move, or a take then a put of what was held)
 */
record ProgramEdges(Set<FieldKey> refers, List<Store> stores, List<FieldKey[]> equal) {

  /** An allocation from allocator stored into field. */
  record Store(FieldKey field, AllocatorName allocator) {}

  /** The edges p brings, allocators named by allocatorOf(step). */
  static ProgramEdges of(ProgramView p, Function<Step, AllocatorName> allocatorOf) {
    return of(p, allocatorOf, null);
  }

  /** The same without the edges of the rule a mutation test dropped (null: none). */
  static ProgramEdges of(ProgramView p, Function<Step, AllocatorName> allocatorOf, Mutation dropped) {
    Set<FieldKey> refers = new LinkedHashSet<>();
    List<Store> stores = new ArrayList<>();
    List<FieldKey[]> equal = new ArrayList<>();
    List<FieldKey> held = new ArrayList<>();
    for (Step op : p.steps()) {
      if (op.kind() == StepKind.TAKE_HOLD) {
        held.add(FieldKey.of(op.from()));
      }
    }
    for (Step op : p.steps()) {
      FieldKey from = op.from() == null ? null : FieldKey.of(op.from());
      FieldKey to = op.to() == null ? null : FieldKey.of(op.to());
      if (from != null) {
        refers.add(from);
      }
      if (to != null) {
        refers.add(to);
      }
      if (op.acquireTo() != null) {
        refers.add(FieldKey.of(op.acquireTo()));
      }
      if (op.kind().allocates() && !op.kind().percpu() && dropped != Mutation.PER_FIELD_DISSOLVING_STORE_EDGE) {
        for (org.allocsim.world.FieldRef f : Destinations.ofAllocation(op)) {
          stores.add(new Store(FieldKey.of(f), allocatorOf.apply(op)));
        }
      }
      switch (op.kind()) {
        case MOVE -> {
          if (dropped != Mutation.PER_FIELD_DISSOLVING_MOVE_EDGE) {
            equal.add(new FieldKey[] {from, to});
          }
        }
        case PUT_HELD -> {
          if (dropped != Mutation.PER_FIELD_DISSOLVING_HELD_EDGE) {
            held.forEach(h -> equal.add(new FieldKey[] {h, to}));
          }
        }
        default -> {
        }
      }
    }
    return new ProgramEdges(refers, stores, equal);
  }

  /** Adds every edge to classes of loaded programs, which agree by construction (conflicts were refused). */
  void addAll(FieldClasses classes) {
    stores.forEach(s -> classes.assign(s.field(), s.allocator(), null));
    equal.forEach(eq -> classes.union(eq[0], eq[1], null));
  }

  /** Adds these edges to classes up to the first refusal, which it returns (or null). */
  String addTo(FieldClasses classes, ProgramView program) {
    for (Store s : stores) {
      String conflict = classes.assign(s.field(), s.allocator(), program);
      if (conflict != null) {
        return conflict;
      }
    }
    for (FieldKey[] eq : equal) {
      String conflict = classes.union(eq[0], eq[1], program);
      if (conflict != null) {
        return conflict;
      }
    }
    return null;
  }
}
