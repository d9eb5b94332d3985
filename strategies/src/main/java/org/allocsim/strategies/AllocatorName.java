package org.allocsim.strategies;

import org.allocsim.memory.AllocatorRef;
import org.allocsim.world.MapView;
import org.allocsim.world.ProgramView;

/**
 * An allocator as the verifier names it before a load, when it may not exist yet: equal names mean the same
 * allocator. After the load every name is {@link Existing}.
 */
sealed interface AllocatorName {

  /** Words for rejection reasons. */
  String describe(ProgramView program);

  /** An allocator that exists. */
  record Existing(AllocatorRef ref) implements AllocatorName {
    @Override
    public String describe(ProgramView program) {
      return ref.name();
    }
  }

  /** The allocator the program being verified will own ("per-program internal", S12). */
  record Own() implements AllocatorName {
    @Override
    public String describe(ProgramView program) {
      return program.name() + "'s own allocator";
    }
  }

  /** The allocator a map will expose to programs, not created yet (Delyan's seed point 1, S11b). */
  record Exposed(MapView map) implements AllocatorName {
    @Override
    public String describe(ProgramView program) {
      return map.name() + "'s allocator";
    }
  }
}
