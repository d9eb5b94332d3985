package org.allocsim.world;

import org.allocsim.btf.BtfType;

/**
 * A program step resolved against the maps and BTF of one load.
 *
 * @param index position in the program
 * @param kind what it does
 * @param allocType struct allocated, in the program's BTF (or vmlinux), else null
 * @param allocTypeId the run-wide id of allocType ({@link World#typeId}), else -1
 * @param source how the allocation names its allocator, else null
 * @param sourceMap the allocator map, or the map whose allocator is used, else null
 * @param from field read, else null
 * @param to field written, else null
 * @param root graph root added to or removed from, else null
 * @param acquireTo field that receives a second reference from bpf_refcount_acquire, else null
 * @param acquireRoot root that receives a second reference from bpf_refcount_acquire, else null
 * @param shape what the verifier sees at register level ({@link RegisterShape})
 * @param element the map whose element a map operation updates or deletes, else null
 */
public record Step(int index, StepKind kind, BtfType allocType, int allocTypeId, AllocSource.Kind source,
    BpfMap sourceMap,
    FieldRef from, FieldRef to, RootRef root, FieldRef acquireTo, RootRef acquireRoot, RegisterShape shape,
    ElementRef element) {

  /** A step that is not a map operation. */
  public Step(int index, StepKind kind, BtfType allocType, int allocTypeId, AllocSource.Kind source,
      BpfMap sourceMap, FieldRef from, FieldRef to, RootRef root, FieldRef acquireTo, RootRef acquireRoot,
      RegisterShape shape) {
    this(index, kind, allocType, allocTypeId, source, sourceMap, from, to, root, acquireTo, acquireRoot, shape, null);
  }

  /** A step without graph arguments. */
  public Step(int index, StepKind kind, BtfType allocType, int allocTypeId, AllocSource.Kind source,
      BpfMap sourceMap, FieldRef from, FieldRef to) {
    this(index, kind, allocType, allocTypeId, source, sourceMap, from, to, null, null, null, RegisterShape.PLAIN, null);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(kind.label());
    if (allocType != null) {
      b.append(' ').append(allocType.name());
      if (sourceMap != null) {
        b.append(" from ").append(sourceMap.name());
      }
    }
    if (from != null) {
      b.append(" from ").append(from);
    }
    if (to != null) {
      b.append(" to ").append(to);
    }
    if (root != null) {
      b.append(kind.root() == StepKind.Root.ADD ? " into " : " out of ").append(root);
    }
    if (acquireTo != null) {
      b.append(" and a reference to ").append(acquireTo);
    }
    if (acquireRoot != null) {
      b.append(" and a reference into ").append(acquireRoot);
    }
    if (element != null) {
      b.append(' ').append(element);
    }
    return b.toString();
  }
}
