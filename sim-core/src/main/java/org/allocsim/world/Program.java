package org.allocsim.world;

import java.util.List;
import org.allocsim.btf.BtfObject;
import org.allocsim.memory.ExecContext;

/** One load of a program. Accepted programs hold their used maps until they are freed. */
public final class Program implements ProgramView {
  /** Life of a program load. */
  public enum State {
    VERIFYING, LOADED, REJECTED,
    /** Last holder gone; freed after an RCU grace period, runs may still be executing until then. */
    UNLOADING, UNLOADED
  }

  private final int id;
  private final ProgramSpec spec;
  private final int attachPoint;
  private final BtfObject btf;
  private final Process loader;
  private final List<BpfMap> usedMaps;
  private final Step[] steps;
  private final Holders holders = new Holders();
  private State state = State.VERIFYING;
  private int[] held;

  Program(int id, ProgramSpec spec, int attachPoint, BtfObject btf, Process loader, List<BpfMap> usedMaps,
      Step[] steps) {
    this.id = id;
    this.spec = spec;
    this.attachPoint = attachPoint;
    this.btf = btf;
    this.loader = loader;
    this.usedMaps = List.copyOf(usedMaps);
    this.steps = steps;
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public String name() {
    return spec.name();
  }

  public ProgramSpec spec() {
    return spec;
  }

  /** Attach point index: trace records name programs by it. */
  public int attachPoint() {
    return attachPoint;
  }

  public BtfObject btf() {
    return btf;
  }

  public Process loader() {
    return loader;
  }

  /** prog->aux->used_maps: the maps its steps name (outer maps, not the inner maps reached through them). */
  @Override
  public List<BpfMap> usedMaps() {
    return usedMaps;
  }

  @Override
  public int stepCount() {
    return steps.length;
  }

  @Override
  public Step step(int index) {
    return steps[index];
  }

  @Override
  public List<Step> steps() {
    return List.of(steps);
  }

  public ExecContext context() {
    return spec.context();
  }

  public Holders holders() {
    return holders;
  }

  @Override
  public State state() {
    return state;
  }

  void setState(State state) {
    this.state = state;
  }

  @Override
  public boolean isLoaded() {
    return state == State.LOADED;
  }

  /** The object a run on cpu holds between TAKE_HOLD and PUT_HELD, or -1. */
  public int held(int cpu) {
    return held == null || cpu >= held.length ? -1 : held[cpu];
  }

  /** Sets (or with -1 clears) the object held on cpu. */
  public void setHeld(int cpu, int object) {
    if (held == null || cpu >= held.length) {
      int[] grown = new int[cpu + 1];
      java.util.Arrays.fill(grown, -1);
      if (held != null) {
        System.arraycopy(held, 0, grown, 0, held.length);
      }
      held = grown;
    }
    held[cpu] = object;
  }

  /** CPUs that may hold an object (for scans). */
  public int heldSlots() {
    return held == null ? 0 : held.length;
  }

  @Override
  public String toString() {
    return "prog " + spec.name() + "#" + id;
  }
}
