package org.allocsim.strategy;

import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.params.ParameterSpec;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

/**
 * An allocator-lifetime design. One instance serves one run; the kernel calls it on the events where the designs
 * differ and never asks it what is safe: the oracle judges every design by the same rules.
 *
 * <p>Implementations need a public no-argument constructor and one line in
 * {@code META-INF/services/org.allocsim.strategy.LifetimeStrategy}.
 */
public interface LifetimeStrategy {

  /** Command-line name, e.g. {@code global}. */
  String name();

  /** The rule in one line, for {@code allocsim list}. */
  String rule();

  /** The message or commit the rule comes from. */
  String source();

  /** Options this design reads from {@link StrategyContext#parameters()}, keys prefixed with {@link #name()}. */
  default List<ParameterSpec> parameters() {
    return List.of();
  }

  /** Called once before the first event; kernel-owned allocators are created here. */
  void attach(StrategyContext context);

  /** The verifier's verdict on a program load. Must not change state: {@link #onLoad} follows an acceptance. */
  LoadVerdict verify(Program program);

  /** An accepted program is now loaded. */
  default void onLoad(Program program) {
  }

  /**
   * The allocator that serves an allocating step of a loaded program, or -1 when the allocation returns NULL.
   * Pure: the kernel also calls it to find which allocators loaded programs can still allocate from.
   */
  int allocatorFor(Program program, Operation operation);

  /** Whether kptr_xchg(&from, NULL) by this step may return the object (the placeholder design returns NULL). */
  default boolean takeReturnsObject(Program program, Operation operation) {
    return true;
  }

  /** Runtime bookkeeping after an object was served by allocator on cpu (design 1 counts here). */
  default void onAlloc(int object, int allocator, int cpu) {
  }

  /** Runtime bookkeeping before an object goes back to allocator from cpu. */
  default void onFree(int object, int allocator, int cpu) {
  }

  /** An object was stored into a kptr field (program kptr_xchg). */
  default void onStore(Program program, Operation operation, int object, BpfMap map, long slot) {
  }

  /** An object was taken out of a kptr field (program kptr_xchg(&f, NULL)). */
  default void onTake(Program program, Operation operation, int object, BpfMap map, long slot) {
  }

  /**
   * The allocator an object is freed into when a map drops it (map free, element overwrite or delete). The default
   * is the allocator that served it ({@code headerAllocator}), which the object's 8-byte header records.
   */
  default int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
    return headerAllocator;
  }

  /**
   * A program's last holder went (__bpf_prog_put_noref): it no longer starts runs, but runs already started may
   * execute until a grace period passes. Destroying an allocator it uses now is unsafe.
   */
  default void onUnload(Program program) {
  }

  /** The program was freed a grace period after {@link #onUnload}; its used maps have been released. */
  default void onProgramFreed(Program program) {
  }

  /** Maps an object load created (reused pinned maps are not included), with all maps of that load by name. */
  default void onMapsCreated(List<BpfMap> created, Map<String, BpfMap> objectMaps) {
  }

  /**
   * The allocator the elements of a no-prealloc hash map come from, when the design shares one (design 3's
   * {@code elem_allocator}); the strategy then holds that reference itself. -1: the kernel gives the map its own
   * fixed-size allocator (htab->ma) and frees it with the map.
   */
  default int elementAllocator(BpfMap map, Map<String, BpfMap> objectMaps) {
    return -1;
  }

  /**
   * The allocator an allocator map stands for, with a reference taken for the map; -1: the kernel creates a new
   * allocator owned by the map. The landed design has no allocator maps, so there it names the global allocator.
   */
  default int allocatorMapAllocator(BpfMap allocatorMap) {
    return -1;
  }

  /** Verdict on inserting inner into outer (design 3 refuses an inner map with another allocator, S4). */
  default LoadVerdict verifyInnerMapInsert(BpfMap outer, BpfMap inner) {
    return LoadVerdict.ACCEPT;
  }

  default void onInnerMapInsert(BpfMap outer, long key, BpfMap inner) {
  }

  default void onInnerMapDelete(BpfMap outer, long key, BpfMap inner) {
  }

  /** A map is being freed; the kernel has already dropped its objects through {@link #freeTarget}. */
  default void onMapFree(BpfMap map) {
  }

  /** A BTF object lost its last holder. */
  default void onBtfFree(BtfObject btf) {
  }

  /** Checks the design's own invariants when the run ends; report breaches through the context. */
  default void checkInvariants(InvariantSink sink) {
  }

  /** Where a strategy reports a breach of its own invariants. */
  @FunctionalInterface
  interface InvariantSink {
    void breach(String description);
  }
}
