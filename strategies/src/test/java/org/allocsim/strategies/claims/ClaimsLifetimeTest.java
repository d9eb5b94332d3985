package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.AGENT;
import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.DISSOLVING;
import static org.allocsim.strategies.claims.Claims.FIRST;
import static org.allocsim.strategies.claims.Claims.GLOBAL;
import static org.allocsim.strategies.claims.Claims.MS;
import static org.allocsim.strategies.claims.Claims.PER_FIELD;
import static org.allocsim.strategies.claims.Claims.PLACEHOLDER;
import static org.allocsim.strategies.claims.Claims.RUNTIME;
import static org.allocsim.strategies.claims.Claims.STATIC;
import static org.allocsim.strategies.claims.Claims.allocFrom;
import static org.allocsim.strategies.claims.Claims.allocatorMap;
import static org.allocsim.strategies.claims.Claims.assertAccepted;
import static org.allocsim.strategies.claims.Claims.assertClean;
import static org.allocsim.strategies.claims.Claims.assertFound;
import static org.allocsim.strategies.claims.Claims.assertRejected;
import static org.allocsim.strategies.claims.Claims.assertSafeDesignsClean;
import static org.allocsim.strategies.claims.Claims.closeAndDetach;
import static org.allocsim.strategies.claims.Claims.closeFds;
import static org.allocsim.strategies.claims.Claims.hash;
import static org.allocsim.strategies.claims.Claims.innerKey;
import static org.allocsim.strategies.claims.Claims.insertVerdict;
import static org.allocsim.strategies.claims.Claims.last;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.map;
import static org.allocsim.strategies.claims.Claims.object;
import static org.allocsim.strategies.claims.Claims.prog;
import static org.allocsim.strategies.claims.Claims.replaceWithEmpty;
import static org.allocsim.strategies.claims.Claims.run;
import static org.allocsim.strategies.claims.Claims.runAll;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.Claims.takeDrop;
import static org.allocsim.strategies.claims.Claims.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.metrics.Metric;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.world.AllocSource;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/** S1-S6: who keeps an allocator alive while its objects sit in maps, on stacks and in inner maps. */
class ClaimsLifetimeTest {

  /**
   * S1 (Delyan 08-25, d3f76b27): every design must free each live object of M into its allocator at M free. One
   * object file: allocator map A, hash M (design 3: kptr_allocator = A), P stores ten nodes from A into M; then the
   * object is closed and detached, so P, A and M all go.
   */
  @Test
  void S1_mapFreeWithLiveKptrs_allDesigns_freeEveryObject() {
    ObjectSpec s1 = object("s1.bpf.o", List.of(allocatorMap("A"), hash("M").withKptrAllocator("A")),
        prog("P", allocFrom("A", "M")));
    RecordList records = new RecordList();
    for (int key = 0; key < 10; key++) {
      records.add(MS, 0, "P", 0, key);
    }
    RunSpec spec = spec("S1", 50 * MS)
        .at(0, load(s1, "s1"))
        .at(5 * MS, closeAndDetach("s1"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      assertAccepted(r, "P", "s1");
      assertEquals(10, valueAt(r, Metric.LIVE_OBJECTS, 4 * MS), r.strategy());
      // P is freed a grace period (10 ms) after the close, then M: nothing may stay allocated.
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
      // D0 too: P's unload walk found A's objects in M, so M.used_allocators kept A until M was freed.
      assertClean(r);
      // Only bpf_global_ma survives the object (it is never destroyed); every other design destroyed A.
      assertEquals(r.strategy().equals(GLOBAL) ? 1 : 0, last(r, Metric.LIVE_ALLOCATORS), r.strategy());
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S2 (Delyan 08-25): "It all gets very hairy when you allow allocated objects in pinned maps." After every
   * program and the allocator map are gone, a pinned M still holds A's objects; D0 keeps A alive only through
   * M.used_allocators, and A can then only take frees. A later object drains the pinned map.
   */
  @Test
  void S2_pinnedMapOutlivesPrograms_allDesigns_keepAllocatorForFreesOnly() {
    MapSpec pinned = hash("M").pinnedAt("/sys/fs/bpf/s2_M").withKptrAllocator("A");
    ObjectSpec fill = object("s2.bpf.o", List.of(allocatorMap("A"), pinned), prog("P", allocFrom("A", "M")));
    ObjectSpec drain = object("s2drain.bpf.o", List.of(pinned.withKptrAllocator(null)), prog("Q", takeDrop("M")));
    RecordList records = new RecordList();
    for (int key = 0; key < 4; key++) {
      records.add(MS, 0, "P", 0, key);
    }
    for (int key = 0; key < 4; key++) {
      records.add(31 * MS, 0, "Q", 0, key);
    }
    RunSpec spec = spec("S2", 100 * MS)
        .at(0, load(fill, "s2"))
        .at(5 * MS, closeAndDetach("s2"))
        .at(30 * MS, load("agent2", drain, "drain"))
        .at(50 * MS, closeAndDetach("drain"))
        .at(60 * MS, new ControlAction.Unpin("/sys/fs/bpf/s2_M"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      // P freed at 15 ms: the four objects stay in the pinned map, which no loaded program reaches.
      assertEquals(4, valueAt(r, Metric.LIVE_OBJECTS, 20 * MS), r.strategy());
      assertEquals(0, valueAt(r, Metric.LIVE_BYTES, 20 * MS), r.strategy());
      assertTrue(valueAt(r, Metric.STRANDED_BYTES, 20 * MS) >= 4 * 64, r.strategy());
      // Whatever kept the allocator alive, freeing into it later is safe: Q drains the pinned map.
      assertAccepted(r, "Q", "drain");
      assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 40 * MS), r.strategy());
      assertClean(r);
    }
    // D0: the allocator map is gone at 15 ms, yet A lives on, held only by M.used_allocators (filled by P's
    // unload walk), until the pin goes.
    RunResult d0 = results.get(FIRST);
    assertEquals(1, valueAt(d0, Metric.LIVE_ALLOCATORS, 20 * MS));
    assertEquals(0, last(d0, Metric.LIVE_ALLOCATORS));
    assertSafeDesignsClean(results);
  }

  /**
   * S3 race 2 (Kumar 08-30 02:17): prog1 (A, M) and prog2 (B, M); M holds o from A. prog2 takes o out (walk sees
   * NULL) and, after prog1's unload walk, puts it back. M.used_allocators stays empty, A dies a grace period later
   * with its map, and prog2's later kptr_xchg + free is a use-after-free. The negative control puts o back before
   * the walk: the walk sees it and D0 is safe.
   */
  @Test
  void S3_race2_firstProposal_useAfterFree() {
    Map<String, RunResult> results = runAll(race2(5 * MS), ALL);
    RunResult d0 = results.get(FIRST);
    assertFound(d0, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertFound(d0, ViolationKind.USE_AFTER_FREE);
    for (RunResult r : results.values()) {
      assertAccepted(r, "prog1", "s3");
      assertAccepted(r, "prog2", "s3");
      if (!r.strategy().equals(FIRST)) {
        // D2b too: nothing happens at unload, the M.f binding holds A until M is freed.
        assertClean(r);
      }
    }
    assertSafeDesignsClean(results);
  }

  @Test
  void S3_race2_walkSeesObject_firstProposal_noViolation() {
    Map<String, RunResult> results = runAll(race2(3 * MS + MS / 2), ALL);
    for (RunResult r : results.values()) {
      assertClean(r);
    }
    assertSafeDesignsClean(results);
  }

  /** prog2 takes o out at 3 ms, prog1's unload walk runs at 4 ms, prog2 puts o back at putBackAt. */
  private static RunSpec race2(long putBackAt) {
    ObjectSpec s3 = object("s3.bpf.o",
        List.of(allocatorMap("A"), allocatorMap("B"), hash("M").withKptrAllocator("A")),
        prog("prog1", allocFrom("A", "M")),
        // prog2 "uses B": it allocates leaves from B, never into M, so no design refuses it for that.
        prog("prog2", StepSpec.allocDrop("leaf", AllocSource.allocatorMap("B")),
            StepSpec.takeHold("M", "f"), StepSpec.putHeld("M", "f"), takeDrop("M")));
    RecordList records = new RecordList()
        .add(2 * MS, 0, "prog1", 0, 0)
        .add(2 * MS, 1, "prog2", 0, 0)
        .add(3 * MS, 1, "prog2", 1, 0)
        .add(putBackAt, 1, "prog2", 2, 0)
        .add(20 * MS, 1, "prog2", 3, 0);
    return spec("S3-race2", 60 * MS)
        .at(0, load(s3, "s3"))
        .at(MS, closeFds("s3"))
        .at(4 * MS, replaceWithEmpty("detach1", "prog1"))
        .at(30 * MS, replaceWithEmpty("detach2", "prog2"))
        .records(rs -> records.stream()).build();
  }

  /**
   * S3 race 1 (Kumar 08-30 00:07; Delyan): prog1's walk reads o_A while prog2 swaps in o_B. Delyan: fine,
   * conservative; M keeps A "a little while longer" and takes B at prog2's unload. Only the designs without a static
   * allocator binding can express prog2 at all: the others refuse to store B's objects into A's field.
   */
  @Test
  void S3_race1_firstProposal_conservativeNoUseAfterFree() {
    ObjectSpec s3 = object("s3r1.bpf.o",
        List.of(allocatorMap("A"), allocatorMap("B"), hash("M").withKptrAllocator("A")),
        prog("prog1", allocFrom("A", "M")),
        prog("prog2", allocFrom("B", "M")));
    RecordList records = new RecordList()
        .add(2 * MS, 0, "prog1", 0, 0)
        .add(6 * MS, 1, "prog2", 0, 0);
    RunSpec spec = spec("S3-race1", 60 * MS)
        .at(0, load(s3, "s3r1"))
        .at(MS, closeFds("s3r1"))
        .at(4 * MS, replaceWithEmpty("detach1", "prog1"))
        .at(30 * MS, replaceWithEmpty("detach2", "prog2"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (String s : List.of(FIRST, RUNTIME, GLOBAL)) {
      assertAccepted(results.get(s), "prog2", "s3r1");
    }
    assertRejected(results.get(PER_FIELD), "prog2", "s3r1", "already");
    assertRejected(results.get(DISSOLVING), "prog2", "s3r1", "already bound");
    assertRejected(results.get(STATIC), "prog2", "s3r1", "kptr_allocator");
    assertRejected(results.get(PLACEHOLDER), "prog2", "s3r1", "already claimed");
    RunResult d0 = results.get(FIRST);
    // prog1 freed at 14 ms with A's map; A stays because the walk put it in M.used_allocators.
    assertEquals(2, valueAt(d0, Metric.LIVE_ALLOCATORS, 20 * MS));
    assertEquals(0, last(d0, Metric.LIVE_ALLOCATORS));
    for (RunResult r : results.values()) {
      assertClean(r);
      assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S3 (Kumar 08-30 00:07): with RCU-delayed frees "elements are stuck in freelist until the next grace period. It
   * necessitates use of larger caches." The landed design switched bpf_obj_drop to bpf_mem_free_rcu; a tight
   * alloc/drop loop then reuses nothing warm and holds more memory.
   */
  @Test
  void S3_rcuDelayedFree_global_lessWarmReuseMoreMemory() {
    ObjectSpec loop = object("loop.bpf.o", List.of(), prog("P", StepSpec.allocDrop("node", AllocSource.DEFAULT)));
    RecordList records = new RecordList();
    for (int i = 0; i < 200; i++) {
      records.add(MS + i * 1000L, 0, "P", 0, 0);
    }
    RunSpec base = spec("S3-rcu", 50 * MS).at(0, load(loop, "loop")).records(rs -> records.stream()).build();
    RunResult direct = run(GLOBAL, base.withParameters(base.parameters().with("memory.free_path", "direct")));
    RunResult rcu = run(GLOBAL, base.withParameters(base.parameters().with("memory.free_path", "rcu")));
    assertTrue(direct.summary().warmAllocFraction() > rcu.summary().warmAllocFraction(),
        direct.summary() + " vs " + rcu.summary());
    assertEquals(0, direct.series().max(Metric.WAITING_BYTES));
    assertTrue(rcu.series().max(Metric.WAITING_BYTES) > 0);
    assertTrue(rcu.summary().peakBytes() > direct.summary().peakBytes());
    assertClean(direct);
    assertClean(rcu);
  }

  /**
   * S4 (Kumar 08-26): obj from A stored into an inner map through the outer map; the inner map is deleted from the
   * outer map but kept by an fd (here a pin); the program unloads (the inner map is not in used_maps, so D0's walk
   * misses it); A's map goes and A with it; closing the inner map then frees into a dead allocator: "Either bad
   * unit_free or memory leak".
   */
  @Test
  void S4_innerMapKeptByFd_firstProposal_useAfterFree() {
    MapSpec template = hash("inner").withKptrAllocator("A");
    ObjectSpec s4 = object("s4.bpf.o",
        List.of(allocatorMap("A"), MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, 4, template).withKptrAllocator("A"),
            hash("inner0").withKptrAllocator("A")),
        prog("P", allocFrom("A", "outer")));
    RecordList records = new RecordList().add(2 * MS, 0, "P", 0, innerKey(0, 5));
    RunSpec spec = spec("S4", 60 * MS)
        .at(0, load(s4, "s4"))
        .at(MS, new ControlAction.InsertInner(map("s4", "outer"), 0, map("s4", "inner0")))
        .at(MS, new ControlAction.Pin("/sys/fs/bpf/s4_inner0", map("s4", "inner0")))
        .at(3 * MS, new ControlAction.DeleteInner(map("s4", "outer"), 0))
        .at(4 * MS, closeAndDetach("s4"))
        .at(30 * MS, new ControlAction.Unpin("/sys/fs/bpf/s4_inner0"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      assertTrue(insertVerdict(r, "inner0", "outer", 0).accepted(), r.strategy());
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 20 * MS), r.strategy());
    }
    RunResult d0 = results.get(FIRST);
    assertFound(d0, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertFound(d0, ViolationKind.USE_AFTER_FREE);
    // D2b as proposed has the same hole, although Alexei wrote "kptr local in map-in-map also should be fine"
    // (08-29 20:34): the verifier sees only the outer map's template, so the binding lives on the outer map and
    // goes with it, while the deleted inner map, kept by its fd, still holds A's object. D2a's "copy allocators[]
    // from outer map" on insert/delete is what would close it. FINDING (see the report).
    RunResult d2b = results.get(PER_FIELD);
    assertFound(d2b, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertFound(d2b, ViolationKind.USE_AFTER_FREE);
    assertSafeDesignsClean(results);
  }

  /**
   * S4 (Kumar 08-31 22:12, Alexei: "The same allocator for all inner maps would be a part of the requirement. Easy
   * to enforce"): design 3 refuses an inner map whose kptr_allocator is not the template's, including an inner map
   * created from user space with its own implicit allocator. No other design restricts inner maps by allocator.
   */
  @Test
  void S4_innerMapWithOtherAllocator_staticPerMap_rejectsInsert() {
    MapSpec template = hash("inner").withKptrAllocator("A");
    ObjectSpec s4 = object("s4b.bpf.o",
        List.of(allocatorMap("A"), allocatorMap("B"),
            MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, 4, template).withKptrAllocator("A"),
            hash("innerA").withKptrAllocator("A"), hash("innerB").withKptrAllocator("B")),
        prog("P", allocFrom("A", "outer")));
    RecordList records = new RecordList()
        .add(2 * MS, 0, "P", 0, innerKey(0, 1))
        .add(2 * MS, 0, "P", 0, innerKey(1, 1))
        .add(2 * MS, 0, "P", 0, innerKey(2, 1));
    RunSpec spec = spec("S4-template", 40 * MS)
        .at(0, load(s4, "s4b"))
        .at(0, new ControlAction.CreateMap(AGENT, hash("innerU"), "user", "s4b"))
        .at(MS, new ControlAction.InsertInner(map("s4b", "outer"), 0, map("s4b", "innerA")))
        .at(MS, new ControlAction.InsertInner(map("s4b", "outer"), 1, map("s4b", "innerB")))
        .at(MS, new ControlAction.InsertInner(map("s4b", "outer"), 2, map("user", "innerU")))
        .at(10 * MS, new ControlAction.ExitProcess(AGENT))
        .at(10 * MS, replaceWithEmpty("detach", "P"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    // D0 again: inner maps still in the outer map at unload are not in used_maps either, so P's walk misses their
    // objects and A dies with its map before the outer map releases them (S4).
    assertFound(results.get(FIRST), ViolationKind.USE_AFTER_FREE);
    RunResult d3 = results.get(STATIC);
    assertTrue(insertVerdict(d3, "innerA", "outer", 0).accepted());
    assertRejected(d3, insertVerdict(d3, "innerB", "outer", 1), "kptr_allocator", "template");
    assertRejected(d3, insertVerdict(d3, "innerU", "outer", 2), "kptr_allocator", "template");
    assertEquals(1, valueAt(d3, Metric.LIVE_OBJECTS, 5 * MS));
    for (RunResult r : results.values()) {
      if (!r.strategy().equals(STATIC)) {
        assertTrue(insertVerdict(r, "innerA", "outer", 0).accepted(), r.strategy());
        assertTrue(insertVerdict(r, "innerB", "outer", 1).accepted(), r.strategy());
        assertTrue(insertVerdict(r, "innerU", "outer", 2).accepted(), r.strategy());
        assertEquals(3, valueAt(r, Metric.LIVE_OBJECTS, 5 * MS), r.strategy());
      }
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S5 (Delyan 08-30 01:40, D2a): "loading and unloading a program in a loop would add its allocators to the visible
   * pinned maps, accumulating allocators we can't release until the map is gone". Alexei: "That will be an issue if
   * we don't trim the list at prog unload." Five reloads, each with a fresh allocator map, against one pinned map
   * that ends every cycle empty.
   */
  @Test
  void S5_loadUnloadLoop_perFieldDissolvingWithListGrowth_accumulatesAllocators() {
    ObjectSpec s5 = object("s5.bpf.o",
        List.of(allocatorMap("A"), hash("M").pinnedAt("/sys/fs/bpf/s5_M").withKptrAllocator("A")),
        prog("P", allocFrom("A", "M"), takeDrop("M")));
    RecordList records = new RecordList();
    RunSpec.Builder b = spec("S5", 800 * MS);
    for (int i = 0; i < 5; i++) {
      long t = i * 100L * MS;
      b.at(t, load(s5, "c" + i)).at(t + 50 * MS, closeAndDetach("c" + i));
      records.add(t + 10 * MS, 0, "P", 0, 0).add(t + 11 * MS, 0, "P", 1, 0);
    }
    RunSpec spec = b.at(700 * MS, new ControlAction.Unpin("/sys/fs/bpf/s5_M"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    RunResult growth = run(DISSOLVING,
        spec.withParameters(spec.parameters().with("per-field-dissolving.unload_list_growth", "true")));

    // D2a without trimming: one more allocator held by the pinned map per cycle, released only with the map.
    for (int i = 0; i < 5; i++) {
      assertAccepted(growth, "P", "c" + i);
    }
    assertEquals(5, valueAt(growth, Metric.LIVE_ALLOCATORS, 600 * MS));
    assertEquals(0, last(growth, Metric.LIVE_ALLOCATORS));
    assertClean(growth);

    // Trimming at unload (the ranked design 2), runtime counts and D0's walk of an empty map hold nothing.
    for (String s : List.of(DISSOLVING, RUNTIME, FIRST)) {
      RunResult r = results.get(s);
      for (int i = 0; i < 5; i++) {
        assertAccepted(r, "P", "c" + i);
      }
      assertEquals(0, valueAt(r, Metric.LIVE_ALLOCATORS, 600 * MS), s);
    }
    // The static bindings refuse every reload with a new allocator instead: the first allocator stays, alone.
    for (String s : List.of(PER_FIELD, STATIC, PLACEHOLDER, GLOBAL)) {
      RunResult r = results.get(s);
      assertAccepted(r, "P", "c0");
      for (int i = 1; i < 5; i++) {
        assertEquals(false, Claims.verdict(r, "P", "c" + i).accepted(), s + " cycle " + i);
      }
      assertEquals(1, valueAt(r, Metric.LIVE_ALLOCATORS, 600 * MS), s);
    }
    assertSafeDesignsClean(results);
  }
}
