package org.allocsim.strategies;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.params.ParameterSpec;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.ObjectHooks;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Verification;
import org.allocsim.world.MapType;
import org.allocsim.world.MapView;
import org.allocsim.world.Operation;
import org.allocsim.world.ProgramView;

/**
 * Design 1 (docs/designs.md), Delyan's rank #1: "maximum flexibility and runtime live object counts (with
 * exposed allocators, I like the merging)". Any object of the right type goes into any field; the verifier never
 * refuses a load over allocators. Each allocator keeps per-CPU live-object counts (underflow allowed per CPU); while
 * the sum may be positive the counts hold one reference on it (the percpu_ref's), so an allocator lives while a
 * map, a program or a live object refers to it. The counts are summed when a program is freed and when a map is
 * freed (Delyan 08-29, S4); once only the counts hold it, the percpu_ref is killed and every alloc/free is an
 * atomic operation that releases it on zero (Kumar 08-30 00:07, S4).
 *
 * <p>Allocators as {@link ProgramAllocators} resolves them; with {@code merge} every allocation of a struct
 * (name and size) uses one canonical allocator, the first one created for it. Answers change on Loaded,
 * ProgramFreed and MapFreed.
 */
@Design(name = "runtime-refcount",
    rule = "per-CPU live-object counts keep an allocator alive; any object of the right type in any field",
    source = "Delyan 2022-08-31 17:38 seed, rank 1 (S12); Delyan 08-29 and Kumar 08-30 00:07 (S4); e37a3f11 (S14)",
    newObjects = "Every live object holds a reference on its allocator, wherever it is (kptr field, graph root, "
        + "nested root, two maps at once), so a node in a tree of another map keeps its allocator alive "
        + "(choice: the thread counted objects, not places). Percpu objects come from the kernel's "
        + "bpf_global_percpu_ma, which the design is not asked about (the thread predates them; choice). A "
        + "refcounted object is freed when its last reference goes, into the allocator the design names "
        + "for the place that reference left. ")
public final class RuntimeRefcount implements LifetimeStrategy, ObjectHooks {
  static final ParameterSpec MERGE = new ParameterSpec("runtime-refcount.merge", "true", "bool",
      "allocations of the same struct name and size share one canonical allocator, like mergeable slabs",
      "S11b: Alexei 08-30 18:52 'merge them whenever possible'; S12: Delyan's seed 'I like the merging'");
  static final ParameterSpec ATOMIC_COST = new ParameterSpec("runtime-refcount.atomic_cost", "4", "ops",
      "bookkeeping operations per counted alloc/free once only live objects hold the allocator (atomic mode); "
          + "1 in percpu mode",
      "S4: Kumar 08-30 00:07 'once initial reference is killed, it downgrades to atomic'; 4 chosen (unknown)");
  static final ParameterSpec DRAIN_ON_UNLOAD = new ParameterSpec("runtime-refcount.drain_on_unload", "true",
      "bool", "when a program is freed, drain the free lists of its allocators no loaded program allocates from",
      "S14: Delyan e37a3f11 08-31 21:02 'freelists of that program's allocator can be drained'");

  private StrategyContext ctx;
  private ProgramAllocators allocators;
  private boolean merge;
  private long atomicCost;
  private boolean drainOnUnload;
  private LiveCounts counts;
  private final Map<String, AllocatorRef> canonical = new HashMap<>();
  /** Allocators each loaded (or not yet freed) program holds a reference on. */
  private final Map<ProgramView, Set<AllocatorRef>> held = new LinkedHashMap<>();
  private final Set<AllocatorRef> settlePending = new LinkedHashSet<>();

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
    this.merge = context.parameters().getBoolean(MERGE);
    this.atomicCost = context.parameters().getLong(ATOMIC_COST);
    this.drainOnUnload = context.parameters().getBoolean(DRAIN_ON_UNLOAD);
    this.counts = new LiveCounts(context.memory().cpus());
    context.observe(this);
  }

  @Override
  public LoadVerdict verify(Verification question) {
    // "Load rejection: none due to allocator identity (only type checks)" (docs/designs.md, design 1).
    return question instanceof Verification.ProgramLoad load ? StoredTypes.namesMatch(load.program())
        : LoadVerdict.ACCEPT;
  }

  private void load(ProgramView p) {
    AllocatorRef[] table = new AllocatorRef[p.operationCount()];
    Set<AllocatorRef> uses = new LinkedHashSet<>();
    for (Operation op : p.operations()) {
      if (!op.kind().allocatesFromDesign()) {
        continue;
      }
      String key = op.allocType().name() + "/" + op.allocType().sizeBytes();
      AllocatorRef a = merge ? canonical.get(key) : null;
      if (a == null || a.destroyed()) {
        a = allocators.instantiate(p, op);
        if (merge) {
          canonical.put(key, a);
        }
      }
      table[op.index()] = a;
      uses.add(a);
    }
    allocators.record(p, table);
    for (AllocatorRef a : uses) {
      ctx.acquire(a); // the program refers to it until it is freed, a grace period after unload
      counts.remember(a);
    }
    held.put(p, uses);
  }

  @Override
  public AllocatorRef allocatorFor(ProgramView program, Operation step) {
    return allocators.allocatorFor(program, step);
  }

  @Override
  public void allocated(int object, AllocatorRef allocator, int cpu) {
    ctx.chargeBookkeeping(cost(allocator));
    counts.add(allocator, cpu, 1);
    if (!counts.holds(allocator)) {
      ctx.acquire(allocator); // a live object exists: the counts hold the allocator
      counts.setHolding(allocator, true);
    }
  }

  @Override
  public void freed(int object, AllocatorRef allocator, int cpu) {
    ctx.chargeBookkeeping(cost(allocator));
    counts.add(allocator, cpu, -1);
    // percpu_ref release on zero; deferred because the free into this allocator has not happened yet.
    if (killed(allocator) && counts.sum(allocator) == 0 && settlePending.add(allocator)) {
      ctx.after(0, () -> {
        settlePending.remove(allocator);
        settle(allocator);
      });
    }
  }

  @Override
  public void on(LifecycleEvent event) {
    if (event instanceof LifecycleEvent.Loaded e) {
      load(e.program());
    } else if (event instanceof LifecycleEvent.ProgramFreed e) {
      programFreed(e.program());
    } else if (event instanceof LifecycleEvent.MapFreed e) {
      allocators.mapFreed(e.map());
      // ... and at map free time, after its objects went back to their allocators.
      for (AllocatorRef a : counts.held()) {
        settle(a);
      }
    } else if (event instanceof LifecycleEvent.RunEnded e) {
      check(new Invariants(ctx, e.sink()));
    }
  }

  private void programFreed(ProgramView p) {
    Set<AllocatorRef> refs = held.remove(p);
    if (refs == null) {
      return;
    }
    refs.forEach(ctx::release);
    allocators.programFreed(p);
    // "sum up all the counts to discover if you should be destroyed" at prog unload (Delyan 08-29, S4).
    refs.forEach(this::settle);
    for (MapView m : p.usedMaps()) {
      if (m.type() == MapType.ALLOCATOR) {
        settle(ctx.allocatorOf(m));
      }
    }
    if (drainOnUnload) {
      for (AllocatorRef a : refs) {
        if (!a.destroyed() && !usedByLoadedProgram(a)) {
          ctx.drainFreeLists(a); // S14: memory need not live as long as the longest-lived object
        }
      }
    }
  }

  private void check(Invariants check) {
    allocators.check(check);
    for (AllocatorRef a : counts.seen()) {
      long sum = counts.sum(a);
      if (a.destroyed()) {
        check.require(!counts.holds(a) && sum == 0, a + " destroyed while its live count sums to " + sum);
      } else if (sum != a.liveObjects()) {
        check.require(false, a + ": live count sums to " + sum + " but " + a.liveObjects()
            + " objects are outstanding");
      } else {
        check.require(sum <= 0 || counts.holds(a), a + " has live objects but the counts hold no reference");
      }
    }
    held.forEach((p, refs) -> refs.forEach(a -> check.require(!a.destroyed(), p + " refers to destroyed allocator "
        + a)));
  }

  /** Drops the counts' reference once they sum to zero; the last reference destroys the allocator. */
  private void settle(AllocatorRef a) {
    if (!counts.holds(a)) {
      return;
    }
    ctx.chargeBookkeeping(ctx.memory().cpus()); // one read per CPU
    if (counts.sum(a) == 0) {
      counts.setHolding(a, false);
      ctx.release(a);
    }
  }

  /** percpu_ref killed: nothing but live objects holds the allocator, so counting is atomic (S4). */
  private boolean killed(AllocatorRef a) {
    return counts.holds(a) && ctx.references(a) == 1;
  }

  private long cost(AllocatorRef a) {
    return killed(a) ? atomicCost : 1;
  }

  private boolean usedByLoadedProgram(AllocatorRef a) {
    for (Map.Entry<ProgramView, Set<AllocatorRef>> e : held.entrySet()) {
      if (e.getKey().isLoaded() && e.getValue().contains(a)) {
        return true;
      }
    }
    return false;
  }
}
