package org.allocsim.strategy;

import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfView;
import org.allocsim.world.MapView;
import org.allocsim.world.ProgramView;

/**
 * What happened, told to {@link LifetimeStrategy#on} once the kernel's own work for it is done (or, for
 * {@link KptrDropped}, before the free). None of them happens per trace record: the per-record notifications are
 * {@link ObjectHooks}, which a design asks for.
 */
public sealed interface LifecycleEvent {

  /** An accepted program is now loaded and attached. May change {@link LifetimeStrategy#allocatorFor}. */
  record Loaded(ProgramView program) implements LifecycleEvent {}

  /**
   * A program's last holder went (__bpf_prog_put_noref): it starts no more runs, but runs already started may
   * execute until a grace period passes; destroying an allocator it uses now is unsafe.
   */
  record Unloaded(ProgramView program) implements LifecycleEvent {}

  /** The program was freed a grace period after {@link Unloaded}; its used maps have been released. */
  record ProgramFreed(ProgramView program) implements LifecycleEvent {}

  /** Maps an object load created (reused pinned maps are not among them), with all maps of that load by name. */
  record MapsCreated(List<? extends MapView> created, Map<String, ? extends MapView> objectMaps)
      implements
        LifecycleEvent {}

  /** inner now sits in outer's slot key (an accepted {@link Verification.InnerMapInsert}). */
  record InnerMapInserted(MapView outer, long key, MapView inner) implements LifecycleEvent {}

  /** inner left outer's slot key (deleted or replaced); the outer map's reference on it is about to go. */
  record InnerMapDeleted(MapView outer, long key, MapView inner) implements LifecycleEvent {}

  /**
   * User space (an element update or delete), an LRU eviction or a map free is about to drop the object in one
   * kptr field; the
   * design is asked {@link LifetimeStrategy#freeTarget} right after.
   */
  record KptrDropped(MapView map, int field, int object) implements LifecycleEvent {}

  /** A map is being freed; the kernel has already dropped its objects. May change every answer about it. */
  record MapFreed(MapView map) implements LifecycleEvent {}

  /** A BTF object lost its last holder. */
  record BtfFreed(BtfView btf) implements LifecycleEvent {}

  /** The run is over: the design checks its own invariants and reports breaches to sink. */
  record RunEnded(InvariantSink sink) implements LifecycleEvent {}
}
