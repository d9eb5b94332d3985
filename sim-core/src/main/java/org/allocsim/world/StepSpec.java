package org.allocsim.world;

import java.util.Objects;

/**
 * One step of a program as its object file declares it: names, not instances.
 *
 * @param kind what the step does
 * @param type struct allocated (allocating kinds) or the kernel struct acquired (acquiring kinds), else null
 * @param source allocator named by the allocation (allocating kinds), else null
 * @param from map and field read by kptr_xchg(&from, NULL), else null
 * @param to map and field written by kptr_xchg(&to, p), else null
 * @param root graph root added to or removed from (graph kinds), else null
 * @param acquireTo field written with a second reference from bpf_refcount_acquire, else null
 * @param acquireRoot root (of new_add) that a second reference from bpf_refcount_acquire is added to, else null
 * @param shape what the verifier sees at register level that the step's atomic form hides ({@link RegisterShape})
 */
public record StepSpec(StepKind kind, String type, AllocSource source, FieldSpec from, FieldSpec to,
    RootSpec root, FieldSpec acquireTo, RootSpec acquireRoot, RegisterShape shape) {

  /** A graph root addressed by map name, and optionally a root inside the node type ({@code map.root.inner}). */
  public record RootSpec(String map, String root, String inner) {
    public RootSpec {
      Objects.requireNonNull(map, "map");
      Objects.requireNonNull(root, "root");
    }

    @Override
    public String toString() {
      return map + "." + root + (inner != null ? "." + inner : "");
    }
  }

  /** A step without graph arguments. */
  public StepSpec(StepKind kind, String type, AllocSource source, FieldSpec from, FieldSpec to) {
    this(kind, type, source, from, to, null, null, null, RegisterShape.PLAIN);
  }

  /** A step of the plain register shape. */
  public StepSpec(StepKind kind, String type, AllocSource source, FieldSpec from, FieldSpec to, RootSpec root,
      FieldSpec acquireTo, RootSpec acquireRoot) {
    this(kind, type, source, from, to, root, acquireTo, acquireRoot, RegisterShape.PLAIN);
  }

  /** The same step with another register shape. */
  public StepSpec withShape(RegisterShape s) {
    return new StepSpec(kind, type, source, from, to, root, acquireTo, acquireRoot, s);
  }

  /** A step whose acquired reference, if any, goes into a kptr field. */
  public StepSpec(StepKind kind, String type, AllocSource source, FieldSpec from, FieldSpec to, RootSpec root,
      FieldSpec acquireTo) {
    this(kind, type, source, from, to, root, acquireTo, null, RegisterShape.PLAIN);
  }

  /** A kptr field addressed by map name; for an outer map, the field of its inner template. */
  public record FieldSpec(String map, String field) {
    public FieldSpec {
      Objects.requireNonNull(map, "map");
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
      return map + "." + field;
    }
  }

  public StepSpec {
    Objects.requireNonNull(kind, "kind");
    if ((kind.allocates() || kind.kernelObject()) != (type != null) || kind.allocates() != (source != null)) {
      throw new IllegalArgumentException(kind.label() + ": a type and allocator go with allocating steps only");
    }
    if (kind.takes() != (from != null)) {
      throw new IllegalArgumentException(kind.label() + (kind.takes() ? " needs" : " takes no") + " 'from' field");
    }
    if (kind.stores() != (to != null)) {
      throw new IllegalArgumentException(kind.label() + (kind.stores() ? " needs" : " takes no") + " 'to' field");
    }
    if ((kind.root() != StepKind.Root.NONE) != (root != null)) {
      throw new IllegalArgumentException(kind.label() + (root == null ? " needs" : " takes no") + " 'root'");
    }
    if ((acquireTo != null && !kind.acquires()) || (acquireTo == null && kind == StepKind.NEW_STORE_ACQUIRE)) {
      throw new IllegalArgumentException(kind.label() + (acquireTo == null ? " needs" : " takes no")
          + " 'acquire_to' field");
    }
    if (acquireRoot != null && kind != StepKind.NEW_ADD) {
      throw new IllegalArgumentException(kind.label() + " takes no 'acquire_root'");
    }
    Objects.requireNonNull(shape, "shape");
    String misfit = ShapeRules.misfit(kind, acquireTo != null || acquireRoot != null, shape);
    if (misfit != null) {
      throw new IllegalArgumentException(kind.label() + ": " + misfit);
    }
  }

  public static StepSpec allocStore(String type, AllocSource source, String map, String field) {
    return new StepSpec(StepKind.ALLOC_STORE, type, source, null, new FieldSpec(map, field));
  }

  public static StepSpec allocDrop(String type, AllocSource source) {
    return new StepSpec(StepKind.ALLOC_DROP, type, source, null, null);
  }

  public static StepSpec acquireStore(String kernelType, String map, String field) {
    return new StepSpec(StepKind.ACQUIRE_STORE, kernelType, null, null, new FieldSpec(map, field));
  }

  public static StepSpec acquireRelease(String kernelType) {
    return new StepSpec(StepKind.ACQUIRE_RELEASE, kernelType, null, null, null);
  }

  public static StepSpec takeDrop(String map, String field) {
    return new StepSpec(StepKind.TAKE_DROP, null, null, new FieldSpec(map, field), null);
  }

  public static StepSpec move(String fromMap, String fromField, String toMap, String toField) {
    return new StepSpec(StepKind.MOVE, null, null, new FieldSpec(fromMap, fromField),
        new FieldSpec(toMap, toField));
  }

  public static StepSpec takeHold(String map, String field) {
    return new StepSpec(StepKind.TAKE_HOLD, null, null, new FieldSpec(map, field), null);
  }

  public static StepSpec putHeld(String map, String field) {
    return new StepSpec(StepKind.PUT_HELD, null, null, null, new FieldSpec(map, field));
  }
}
