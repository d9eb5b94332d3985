package org.allocsim.kernel;

import java.util.List;
import java.util.Map;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/** Small object files for kernel tests. */
final class Fixtures {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  private Fixtures() {}

  /**
   * scx_flatcg's shape: a 48-byte node stashed in a hash map. Program "stash" steps: 0 alloc_store, 1 take_drop,
   * 2 move stash.node -> stash.spare.
   */
  static ObjectSpec stash(ExecContext context, String pin) {
    MapSpec map = MapSpec.of("stash", MapType.HASH, 1024, new KptrField("node", "cgv_node"),
        new KptrField("spare", "cgv_node"));
    if (pin != null) {
      map = map.pinnedAt(pin);
    }
    ProgramSpec prog = new ProgramSpec("stash", context, false, List.of(
        StepSpec.allocStore("cgv_node", AllocSource.DEFAULT, "stash", "node"),
        StepSpec.takeDrop("stash", "node"),
        StepSpec.move("stash", "node", "stash", "spare")));
    return new ObjectSpec("stash.bpf.o", Map.of("cgv_node", 48), List.of(map), List.of(prog));
  }
}
