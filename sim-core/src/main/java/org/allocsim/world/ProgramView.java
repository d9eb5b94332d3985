package org.allocsim.world;

import java.util.List;

/** What a strategy may read of a program load: identity, steps, used maps and lifecycle state. */
public interface ProgramView {
  int id();

  String name();

  /** The maps it holds until it is freed (used_maps); inner maps reached by lookup are not among them (S4). */
  List<? extends MapView> usedMaps();

  int stepCount();

  Step step(int index);

  /** Its steps in program order. */
  List<Step> steps();

  Program.State state();

  /** Loaded and not yet unloaded. */
  boolean isLoaded();

  /** Freed a grace period after its unload: no run of it can be executing. */
  default boolean isFreed() {
    return state() == Program.State.UNLOADED;
  }
}
