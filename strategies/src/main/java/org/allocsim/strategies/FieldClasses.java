package org.allocsim.strategies;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.world.ProgramView;

/**
 * Union-find over kptr fields for per-field-dissolving: fields joined by a program's moves (Delyan's "Program X
 * requires allocator for Y.A to equal allocator for Z.A", S11b) form one class, which carries one allocator.
 */
final class FieldClasses {
  private final Map<FieldKey, FieldKey> parent = new HashMap<>();
  private final Map<FieldKey, AllocatorName> allocator = new HashMap<>();
  private final Map<FieldKey, AllocatorRef> bound;

  FieldClasses(Map<FieldKey, AllocatorRef> bound) {
    this.bound = bound;
  }

  /** Every field seen so far. */
  Set<FieldKey> fields() {
    return parent.keySet();
  }

  /** The allocator of a class root, or null. */
  AllocatorName allocatorOf(FieldKey root) {
    return allocator.get(root);
  }

  FieldKey find(FieldKey k) {
    FieldKey p = parent.get(k);
    if (p == null) {
      parent.put(k, k);
      AllocatorRef b = bound.get(k);
      if (b != null) {
        allocator.put(k, new AllocatorName.Existing(b));
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
  String assign(FieldKey k, AllocatorName a, ProgramView program) {
    FieldKey r = find(k);
    AllocatorName b = allocator.putIfAbsent(r, a);
    if (b == null || b.equals(a)) {
      return null;
    }
    return program == null ? "conflict" : "kptr field " + k + " already bound to allocator "
        + b.describe(program) + ", not " + a.describe(program) + " (kptr_offset already exists)";
  }

  /** Joins two classes; returns the refusal when they carry different allocators. */
  String union(FieldKey x, FieldKey y, ProgramView program) {
    FieldKey rx = find(x);
    FieldKey ry = find(y);
    if (rx.equals(ry)) {
      return null;
    }
    AllocatorName ax = allocator.get(rx);
    AllocatorName ay = allocator.get(ry);
    if (ax != null && ay != null && !ax.equals(ay)) {
      String who = program == null ? "" : " (kptr_xchg by " + program.name() + ")";
      return "kptr fields " + x + " and " + y + " must share an allocator" + who + ", but are bound to "
          + ax.describe(program) + " and " + ay.describe(program);
    }
    parent.put(ry, rx);
    if (ax == null && ay != null) {
      allocator.put(rx, ay);
    }
    return null;
  }
}
