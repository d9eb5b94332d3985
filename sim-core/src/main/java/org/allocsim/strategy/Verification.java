package org.allocsim.strategy;

import org.allocsim.world.MapView;
import org.allocsim.world.ProgramView;

/** What the verifier is asked to accept. */
public sealed interface Verification {

  /** A program load (bpf_check). */
  record ProgramLoad(ProgramView program) implements Verification {}

  /** Inserting inner into a map-in-map outer (bpf_map_meta_equal; design 3 refuses another allocator, S4). */
  record InnerMapInsert(MapView outer, MapView inner) implements Verification {}
}
