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
 */
public record Step(int index, StepKind kind, BtfType allocType, int allocTypeId, AllocSource.Kind source, BpfMap sourceMap,
    FieldRef from, FieldRef to) {

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
    return b.toString();
  }
}
