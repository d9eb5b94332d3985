package org.allocsim.strategies;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.params.ParameterSpec;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.world.BpfMap;
import org.allocsim.world.MapType;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;

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
 * (name and size) uses one canonical allocator, the first one created for it.
 */
public final class RuntimeRefcount implements LifetimeStrategy {
  static final ParameterSpec MERGE = new ParameterSpec("runtime-refcount.merge", "true", "bool",
      "allocations of the same struct name and size share one canonical allocator, like mergeable slabs",
      "S11b: Alexei 08-30 18:52 'merge them whenever possible'; S12: Delyan's seed 'I like the merging'");
  static final ParameterSpec ATOMIC_COST = new ParameterSpec("runtime-refcount.atomic_cost", "4", "ops",
      "bookkeeping operations per counted alloc/free once only live objects hold the allocator (atomic mode); "
          + "1 in percpu mode",
      "S4: Kumar 08-30 00:07 'once initial reference is killed, it downgrades to atomic'; 4 chosen (unknown)")
      .range(1, 1000); // an atomic costs at least the per-CPU op it replaces
  static final ParameterSpec DRAIN_ON_UNLOAD = new ParameterSpec("runtime-refcount.drain_on_unload", "true",
      "bool", "when a program is freed, drain the free lists of its allocators no loaded program allocates from",
      "S14: Delyan e37a3f11 08-31 21:02 'freelists of that program's allocator can be drained'");

  /** Null, or the rule a mutation test dropped. */
  Mutation mutation;
  private StrategyContext ctx;
  private ProgramAllocators allocators;
  private boolean merge;
  private long atomicCost;
  private boolean drainOnUnload;
  private int cpus;
  private final Map<String, Integer> canonical = new HashMap<>();
  /** Allocators each loaded (or not yet freed) program holds a reference on. */
  private final Map<Program, int[]> held = new LinkedHashMap<>();
  /** Per allocator, per CPU live count; may go negative on a CPU that frees more than it allocates. */
  private long[][] counts = new long[16][];
  private final BitSet countRef = new BitSet();
  private final BitSet settlePending = new BitSet();
  private final BitSet seen = new BitSet();

  @Override
  public String name() {
    return "runtime-refcount";
  }

  @Override
  public String rule() {
    return "per-CPU live-object counts keep an allocator alive; any object of the right type in any field";
  }

  @Override
  public String source() {
    return "Delyan 2022-08-31 17:38 seed, rank 1 (S12); Delyan 08-29 and Kumar 08-30 00:07 (S4); e37a3f11 (S14)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(MERGE, ATOMIC_COST, DRAIN_ON_UNLOAD);
  }

  @Override
  public void attach(StrategyContext context) {
    this.ctx = context;
    this.allocators = new ProgramAllocators(context);
    this.merge = context.parameters().getBoolean(MERGE);
    this.atomicCost = context.parameters().getLong(ATOMIC_COST);
    this.drainOnUnload = context.parameters().getBoolean(DRAIN_ON_UNLOAD);
    this.cpus = context.memory().cpus();
  }

  @Override
  public LoadVerdict verify(Program program) {
    // "Load rejection: none due to allocator identity (only type checks)" (docs/designs.md, design 1).
    return StoredTypes.namesMatch(program);
  }

  @Override
  public void onLoad(Program p) {
    int[] table = new int[p.operationCount()];
    Arrays.fill(table, -1);
    Set<Integer> uses = new LinkedHashSet<>();
    for (Operation op : p.operations()) {
      if (!op.kind().allocates()) {
        continue;
      }
      String key = op.allocType().name() + "/" + op.allocType().sizeBytes();
      Integer a = merge ? canonical.get(key) : null;
      if (a == null || ctx.allocator(a).destroyed()) {
        a = allocators.instantiate(p, op);
        if (merge) {
          canonical.put(key, a);
        }
      }
      table[op.index()] = a;
      uses.add(a);
    }
    allocators.record(p, table);
    int[] refs = mutation == Mutation.RUNTIME_REFCOUNT_PROGRAM_REFERENCE ? new int[0]
        : uses.stream().mapToInt(Integer::intValue).toArray();
    for (int a : refs) {
      ctx.acquire(a); // the program refers to it until it is freed, a grace period after unload
      seen.set(a);
    }
    held.put(p, refs);
  }

  @Override
  public int allocatorFor(Program program, Operation operation) {
    return allocators.allocatorFor(program, operation);
  }

  @Override
  public void onAlloc(int object, int allocator, int cpu) {
    long[] c = counts(allocator);
    ctx.chargeBookkeeping(cost(allocator));
    c[cpu]++;
    if (!countRef.get(allocator) && mutation != Mutation.RUNTIME_REFCOUNT_COUNT_REFERENCE) {
      ctx.acquire(allocator); // a live object exists: the counts hold the allocator
      countRef.set(allocator);
    }
  }

  @Override
  public void onFree(int object, int allocator, int cpu) {
    ctx.chargeBookkeeping(cost(allocator));
    counts(allocator)[cpu]--;
    if (killed(allocator) && sum(allocator) == 0) {
      // percpu_ref release on zero; deferred because the free into this allocator has not happened yet.
      if (!settlePending.get(allocator)) {
        settlePending.set(allocator);
        ctx.after(0, () -> {
          settlePending.clear(allocator);
          settle(allocator);
        });
      }
    }
  }

  @Override
  public void onProgramFreed(Program p) {
    int[] refs = held.remove(p);
    if (refs == null) {
      return;
    }
    for (int a : refs) {
      ctx.release(a);
    }
    allocators.programFreed(p);
    // "sum up all the counts to discover if you should be destroyed" at prog unload (Delyan 08-29, S4).
    for (int a : refs) {
      settle(a);
    }
    for (BpfMap m : p.usedMaps()) {
      if (m.type() == MapType.ALLOCATOR) {
        settle(ctx.allocatorOf(m));
      }
    }
    if (drainOnUnload) {
      for (int a : refs) {
        if (!ctx.allocator(a).destroyed() && !usedByLoadedProgram(a)) {
          ctx.allocator(a).drainFreeLists(); // S14: memory need not live as long as the longest-lived object
        }
      }
    }
  }

  @Override
  public void onMapFree(BpfMap map) {
    allocators.mapFreed(map);
    // ... and at map free time, after its objects went back to their allocators.
    for (int a = countRef.nextSetBit(0); a >= 0; a = countRef.nextSetBit(a + 1)) {
      settle(a);
    }
  }

  @Override
  public void checkInvariants(InvariantSink sink) {
    allocators.check(sink);
    for (int a = seen.nextSetBit(0); a >= 0; a = seen.nextSetBit(a + 1)) {
      long sum = sum(a);
      if (ctx.allocator(a).destroyed()) {
        if (countRef.get(a) || sum != 0) {
          sink.breach(ctx.allocator(a).name() + " destroyed while its live count sums to " + sum);
        }
      } else if (sum != ctx.allocator(a).liveObjects()) {
        sink.breach(ctx.allocator(a).name() + ": live count sums to " + sum + " but "
            + ctx.allocator(a).liveObjects() + " objects are outstanding");
      } else if (sum > 0 && !countRef.get(a)) {
        sink.breach(ctx.allocator(a).name() + " has live objects but the counts hold no reference");
      }
    }
    held.forEach((p, refs) -> {
      for (int a : refs) {
        if (ctx.allocator(a).destroyed()) {
          sink.breach(p + " refers to destroyed allocator " + ctx.allocator(a).name());
        }
      }
    });
  }

  /** Drops the counts' reference once they sum to zero; the last reference destroys the allocator. */
  private void settle(int a) {
    if (!countRef.get(a)) {
      return;
    }
    ctx.chargeBookkeeping(cpus); // one read per CPU
    if (sum(a) == 0) {
      countRef.clear(a);
      ctx.release(a);
    }
  }

  /** percpu_ref killed: nothing but live objects holds the allocator, so counting is atomic (S4). */
  private boolean killed(int a) {
    return countRef.get(a) && ctx.references(a) == 1;
  }

  private long cost(int a) {
    return killed(a) ? atomicCost : 1;
  }

  private boolean usedByLoadedProgram(int a) {
    for (Map.Entry<Program, int[]> e : held.entrySet()) {
      if (e.getKey().isLoaded()) {
        for (int b : e.getValue()) {
          if (b == a) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private long sum(int a) {
    if (a >= counts.length || counts[a] == null) {
      return 0;
    }
    long s = 0;
    for (long c : counts[a]) {
      s += c;
    }
    return s;
  }

  private long[] counts(int a) {
    if (a >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(a + 1, counts.length * 2));
    }
    if (counts[a] == null) {
      counts[a] = new long[cpus];
      seen.set(a);
    }
    return counts[a];
  }
}
