package org.allocsim.oracle;

import java.util.BitSet;
import org.allocsim.memory.ObjectTable;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Program;
import org.allocsim.world.World;

/**
 * At the end of a run, a live object must still be somewhere: in a kptr field or a graph root of a map that
 * exists (or in a root of such an object), or on the stack of a program run. Anything else was dropped by nobody and is a leak.
 */
public final class LeakAudit {
  private LeakAudit() {}

  public static void run(ObjectTable table, World world, long now, SafetyOracle oracle) {
    run(table, world, now, oracle, r -> {});
  }

  /** As {@link #run(ObjectTable, World, long, SafetyOracle)}; also marks what graph roots hold. */
  public static void run(ObjectTable table, World world, long now, SafetyOracle oracle,
      java.util.function.Consumer<BitSet> alsoReachable) {
    BitSet reachable = new BitSet(table.capacity());
    alsoReachable.accept(reachable);
    for (BpfMap m : world.maps()) {
      if (!m.isFreed() && m.holdsKptrs()) {
        m.slots().forEach((index, obj) -> reachable.set(obj));
      }
      if (!m.isFreed() && m.elements() != null) {
        m.elements().forEach((key, obj) -> reachable.set(obj));
      }
    }
    for (Program p : world.programs()) {
      for (int cpu = 0; cpu < p.heldSlots(); cpu++) {
        if (p.held(cpu) >= 0) {
          reachable.set(p.held(cpu));
        }
      }
    }
    for (int o = 0; o < table.capacity(); o++) {
      if (table.isLive(o) && !reachable.get(o)) {
        oracle.report(now, ViolationKind.LEAK, "end of run", o, table.allocator(o), "object of "
            + table.unitBytes(o) + " bytes is live but no map or program holds it");
      }
    }
  }
}
