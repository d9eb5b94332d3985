package org.allocsim.kernel;

import java.util.function.Consumer;
import org.allocsim.memory.ObjectTable;
import org.allocsim.world.BpfMap;
import org.allocsim.world.World;

/**
 * The per-(map, allocator) counts the kernel keeps as it stores and takes (they replace a walk over every slot),
 * recounted from the slots at the end of a run: a store or take path that forgot its count shows here, not as a
 * quietly wrong answer to a design that reads them.
 */
final class StoredCounts {
  private StoredCounts() {}

  static void check(World world, ObjectTable objects, Consumer<String> breaches) {
    for (BpfMap m : world.maps()) {
      if (m.isFreed() || m.slots() == null || m.type().isMapInMap()) {
        continue;
      }
      long[] counted = new long[m.storedAllocatorBound()];
      long[] beyond = {0};
      m.slots().forEach((slot, obj) -> {
        int a = objects.allocator(obj);
        if (a < counted.length) {
          counted[a]++;
        } else {
          beyond[0]++;
        }
      });
      for (int a = 0; a < counted.length; a++) {
        if (counted[a] != m.storedFrom(a)) {
          breaches.accept("kernel: map " + m.name() + " holds " + counted[a] + " objects of allocator " + a
              + ", its count says " + m.storedFrom(a));
        }
      }
      if (beyond[0] > 0) {
        breaches.accept("kernel: map " + m.name() + " holds " + beyond[0] + " objects of uncounted allocators");
      }
    }
  }
}
