package org.allocsim.memory;

/**
 * Why: which size class serves a request or takes back a unit, and what each class charges, is one allocator's fixed
 * geometry, decided once at creation (c->unit_size, the kmalloc bucket, percpu copies).
 */
final class UnitClasses {
  /** Unit of the one class of a fixed-size allocator, 0 for a size==0 allocator. */
  final int fixedUnitBytes;
  /** Bytes one allocation brings into this CPU's cache when that is not the charged unit (a percpu object), else 0. */
  final int touchedBytes;
  /** Charged unit of each class. */
  final int[] units;
  /** Unit each class's watermarks are computed from. */
  final int[] limitUnits;

  UnitClasses(int fixedUnitBytes, boolean percpu, int cpus) {
    if (fixedUnitBytes != 0 && fixedUnitBytes <= SizeClasses.HEADER_BYTES) {
      throw new IllegalArgumentException("fixed unit must hold the 8-byte header and an object: "
          + fixedUnitBytes);
    }
    // c->unit_size sets the watermarks; kmalloc_node(c->unit_size) charges the bucket it lands in (72 -> 96).
    int unitSize = fixedUnitBytes == 0 ? 0 : (fixedUnitBytes + 7) & ~7;
    this.fixedUnitBytes = unitSize == 0 ? 0 : percpu
        ? Math.addExact(Slab.PERCPU_POINTER_BYTES, Math.multiplyExact(unitSize, cpus))
        : SizeClasses.kmallocBucket(unitSize);
    // a percpu object: its pointer and this CPU's copy, not the copies of the other CPUs
    this.touchedBytes = percpu && unitSize > 0 ? Slab.PERCPU_POINTER_BYTES + unitSize : 0;
    if (this.fixedUnitBytes == 0) {
      units = new int[SizeClasses.COUNT];
      for (int i = 0; i < units.length; i++) {
        units[i] = SizeClasses.unitBytes(i);
      }
      limitUnits = units;
    } else {
      units = new int[] {this.fixedUnitBytes};
      limitUnits = new int[] {unitSize};
    }
  }

  /** See {@link BpfMemAlloc#sizeClassOf(int)}. */
  int classOf(int objectBytes) {
    if (fixedUnitBytes == 0) {
      return SizeClasses.classOf(objectBytes);
    }
    return objectBytes > 0 ? 0 : -1;
  }

  /** The class of a unit this allocator served (its header's unit). */
  int classOfOwnUnit(int unitBytes) {
    return fixedUnitBytes == 0 ? SizeClasses.classOfUnit(unitBytes) : 0;
  }

  /** The class a unit another allocator served would go to here, -1 if it does not fit. */
  int classOfForeignUnit(int unitBytes) {
    return fixedUnitBytes == 0 ? SizeClasses.classOfUnit(unitBytes) : (unitBytes == fixedUnitBytes ? 0 : -1);
  }
}
