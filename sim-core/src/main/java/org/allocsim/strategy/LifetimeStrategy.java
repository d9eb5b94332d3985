package org.allocsim.strategy;

import java.util.Map;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.world.MapView;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;

/**
 * An allocator-lifetime design. One instance serves one run; the kernel asks it the questions on which the designs
 * differ, tells it what happened through {@link #on}, and never asks it what is safe: the oracle judges every
 * design by the same rules. Its name, rule, source and parameters are declared once, with {@link Design} and
 * {@code static final ParameterSpec} fields.
 *
 * <p>The three questions on the per-record path ({@link #allocatorFor}, {@link #takeReturnsObject},
 * {@link #freeTarget}) are pure: their answers may change only inside {@link #attach}, {@link #on}, or an action the
 * design deferred with {@link StrategyContext#after}, so the kernel keeps them in int tables per (program, step) and
 * per (kptr field, header, unit size) and asks again only after such a call (issue 17); a design that keeps the
 * default answer of takeReturnsObject or freeTarget is not asked at all. Which events can change them is said per
 * design in its class comment; {@link LifecycleEvent} lists them all.
 *
 * <p>Implementations need a public no-argument constructor and one line in
 * {@code META-INF/services/org.allocsim.strategy.LifetimeStrategy}.
 */
public interface LifetimeStrategy {

  /** Called once before the first event; kernel-owned allocators are created here. */
  void attach(StrategyContext context);

  /** The verifier's verdict on a program load or an inner-map insert. Must not change state. */
  LoadVerdict verify(Verification question);

  /**
   * The allocator that serves an allocating step of a loaded program, or null when the allocation returns NULL.
   * Pure; read by the kernel on every allocation, and to find what loaded and unloading programs can allocate from.
   */
  AllocatorRef allocatorFor(ProgramView program, Step step);

  /** Whether kptr_xchg(&from, NULL) by this step may return the object (the placeholder design returns NULL). Pure. */
  default boolean takeReturnsObject(ProgramView program, Step step) {
    return true;
  }

  /**
   * The allocator an object is freed into when it is dropped: header is the allocator that served it (the object's
   * 8-byte header names it); map and field say which kptr field it left, map null when it was on a program's stack.
   * Null: the design frees nothing and the object leaks. Pure, and it may depend on the object only through its unit
   * size ({@link StrategyContext#unitBytes}); the kernel frees and runs the oracle's checks.
   */
  default AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
    return header;
  }

  /**
   * The allocator a new map's own allocator is, when the design shares one; null: the kernel creates one owned by the
   * map. For {@link MapAllocator#ALLOCATOR_MAP} the map then holds the reference the design took for it; for
   * {@link MapAllocator#ELEMENTS} (design 3's {@code elem_allocator}) the design keeps the reference it took.
   */
  default AllocatorRef mapAllocator(MapView map, MapAllocator role, Map<String, ? extends MapView> objectMaps) {
    return null;
  }

  /** A lifecycle event; the design takes and drops references, and reports its own breaches on RunEnded. */
  default void on(LifecycleEvent event) {}
}
