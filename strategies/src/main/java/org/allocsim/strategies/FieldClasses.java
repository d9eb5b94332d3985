package org.allocsim.strategies;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.Program;

/**
 * Union-find over kptr fields for per-field-dissolving: fields joined by a program's moves (Delyan's "Program X
 * requires allocator for Y.A to equal allocator for Z.A", S11b) form one class, which carries one allocator.
 */
final class FieldClasses {
  private final Map<FieldKey, FieldKey> parent = new HashMap<>();
  private final Map<FieldKey, Integer> allocator = new HashMap<>();
  private final Map<FieldKey, Integer> bound;
  private final ProgramAllocators allocators;
  private final StrategyContext ctx;

  FieldClasses(Map<FieldKey, Integer> bound, ProgramAllocators allocators, StrategyContext ctx) {
    this.bound = bound;
    this.allocators = allocators;
    this.ctx = ctx;
  }

  /** Every field seen so far. */
  Set<FieldKey> fields() {
    return parent.keySet();
  }

  /** The allocator of a class root, or null. */
  Integer allocatorOf(FieldKey root) {
    return allocator.get(root);
  }

  FieldKey find(FieldKey k) {
    FieldKey p = parent.get(k);
    if (p == null) {
      parent.put(k, k);
      Integer b = bound.get(k);
      if (b != null) {
        allocator.put(k, b);
      }
      return k;
    }
    if (p.equals(k)) {
      return k;
    }
    FieldKey r = find(p);
    parent.put(k, r);
    return r;
  }

  /** Gives k's class allocator a; returns the refusal when it already has another (program null: no words). */
  String assign(FieldKey k, int a, Program program) {
    FieldKey r = find(k);
    Integer b = allocator.putIfAbsent(r, a);
    if (b == null || b == a) {
      return null;
    }
    return program == null ? "conflict" : "kptr field " + k + " already bound to allocator "
        + allocators.describe(program, b) + ", not " + allocators.describe(program, a)
        + " (kptr_offset already exists)";
  }

  /** Joins two classes; returns the refusal when they carry different allocators. */
  String union(FieldKey x, FieldKey y, Program program) {
    FieldKey rx = find(x);
    FieldKey ry = find(y);
    if (rx.equals(ry)) {
      return null;
    }
    Integer ax = allocator.get(rx);
    Integer ay = allocator.get(ry);
    if (ax != null && ay != null && !ax.equals(ay)) {
      String who = program == null ? "" : " (kptr_xchg by " + program.name() + ")";
      return "kptr fields " + x + " and " + y + " must share an allocator" + who + ", but are bound to "
          + describe(program, ax) + " and " + describe(program, ay);
    }
    parent.put(ry, rx);
    if (ax == null && ay != null) {
      allocator.put(rx, ay);
    }
    return null;
  }

  private String describe(Program program, int a) {
    return program != null ? allocators.describe(program, a) : ctx.allocator(a).name();
  }
}
