package org.allocsim.strategies.claims;

import static org.allocsim.strategies.claims.Claims.ALL;
import static org.allocsim.strategies.claims.Claims.FIRST;
import static org.allocsim.strategies.claims.Claims.GLOBAL;
import static org.allocsim.strategies.claims.Claims.MS;
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
import static org.allocsim.strategies.claims.Claims.field;
import static org.allocsim.strategies.claims.Claims.hash;
import static org.allocsim.strategies.claims.Claims.last;
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.move;
import static org.allocsim.strategies.claims.Claims.nmiProg;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/** S14-S21: running programs, per-CPU caches, idle allocators, types, and the landed global allocator. */
class ClaimsRuntimeTest {

  /** bpf_obj_new(struct node): the allocator is the design's choice. */
  private static StepSpec newNodeInto(String map) {
    return StepSpec.allocStore("node", AllocSource.DEFAULT, map, "f");
  }

  /**
   * S14 (Delyan 08-30): the third lifetime extension, an object held in registers or on the stack of another running
   * program. P2 (a sleepable-style run) takes o out of M and holds it while P1, the only program using A, unloads
   * and A's map goes; P2 then ends holding o and releases it. D0's walk at P1's unload cannot see o: A dies with o
   * outstanding. Every other design keeps A alive.
   */
  @Test
  void S14_objectOnAnotherProgramsStack_firstProposal_useAfterFree() {
    ObjectSpec s14 = object("s14.bpf.o", List.of(allocatorMap("A"), hash("M").withKptrAllocator("A")),
        prog("P1", allocFrom("A", "M")),
        prog("P2", StepSpec.takeHold("M", "f"), StepSpec.putHeld("M", "f")));
    RecordList records = new RecordList().add(2 * MS, 0, "P1", 0, 0).add(3 * MS, 2, "P2", 0, 0);
    RunSpec spec = spec("S14", 60 * MS)
        .at(0, load(s14, "s14"))
        .at(MS, closeFds("s14"))
        .at(4 * MS, replaceWithEmpty("d1", "P1"))
        .at(20 * MS, replaceWithEmpty("d2", "P2"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    RunResult d0 = results.get(FIRST);
    assertFound(d0, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertFound(d0, ViolationKind.USE_AFTER_FREE);
    for (RunResult r : results.values()) {
      // o lives on P2's stack after P1 and A's map are gone (P1 freed at 14 ms).
      assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 17 * MS), r.strategy());
      if (!r.strategy().equals(FIRST)) {
        assertEquals(0, last(r, Metric.LIVE_OBJECTS), r.strategy());
        assertClean(r);
      }
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S15 (Delyan 08-31, Alexei; check in docs/claims.md): an NMI program making k allocations on one CPU with no
   * irq_work in between succeeds for at most the cache's free_cnt, 4 right after init for classes up to 256 bytes;
   * the irq_work refill then serves the next one. This is the allocator's mechanics, the same in every design.
   */
  @Test
  void S15_nmiBurst_allDesigns_failBeyondPrefill() {
    ObjectSpec s15 = object("s15.bpf.o", List.of(allocatorMap("A"), hash("M").withKptrAllocator("A")),
        nmiProg("perf", allocFrom("A", "M")));
    RecordList records = new RecordList();
    for (int key = 0; key < 6; key++) {
      records.add(MS, 0, "perf", 0, key);
    }
    records.add(MS + 10_000, 0, "perf", 0, 7);
    RunSpec spec = spec("S15-nmi", 20 * MS).at(0, load(s15, "s15")).records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      assertEquals(2, r.summary().failedAllocs(), r.strategy());
      assertEquals(5, last(r, Metric.LIVE_OBJECTS), r.strategy());
      assertClean(r);
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S15 (Kumar 09-01): with one shared allocator "bpf_mem_prefill request cannot really guarantee much... The
   * prefilled items can be drained by some other program with an inconsistent allocation pattern." Alexei: "Per-prog
   * short free list of ~64 elements vs global free list of ~64 elements". Two NMI programs on CPU 0 allocate four
   * nodes each, X first: with bpf_global_ma Y finds the cache X emptied; with an allocator per program (design 1's
   * internal allocators) or per map (design 3's implicit ones) each has its own four.
   */
  @Test
  void S15_sharedCacheDrainedByAnotherProgram_globalVsPrivateAllocators() {
    ObjectSpec s15 = object("s15b.bpf.o", List.of(hash("M1"), hash("M2")),
        nmiProg("X", newNodeInto("M1")), nmiProg("Y", newNodeInto("M2")));
    RecordList records = new RecordList();
    for (String p : List.of("X", "Y")) {
      for (int key = 0; key < 4; key++) {
        records.add(MS, 0, p, 0, key);
      }
    }
    RunSpec spec = spec("S15-shared", 20 * MS).at(0, load(s15, "s15b")).records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, List.of(GLOBAL, RUNTIME, STATIC));
    RunResult unmerged = run(RUNTIME, spec.withParameters(spec.parameters().with("runtime-refcount.merge", "false")));
    assertEquals(4, results.get(GLOBAL).summary().failedAllocs());
    // Design 1 merges allocators of the same type by default ("like mergeable slabs"): X and Y then share one
    // cache exactly as under bpf_global_ma. Unmerged, each program has its own.
    assertEquals(4, results.get(RUNTIME).summary().failedAllocs());
    assertEquals(0, unmerged.summary().failedAllocs());
    assertEquals(0, results.get(STATIC).summary().failedAllocs());
    assertClean(unmerged);
    assertSafeDesignsClean(results);
  }

  /**
   * S15 (Alexei 09-02): "The only way nmi-prog can guarantee availability if it allocates and reserves objects in a
   * different non-nmi program. If everything runs in nmi there is nothing can be done." A task program reserves ten
   * nodes in M (task context refills synchronously); the NMI program takes them with kptr_xchg and never fails,
   * while an NMI program allocating ten itself on a fresh CPU fails six times.
   */
  @Test
  void S15_reserveFromNonNmiProgram_global_nmiNeverFails() {
    ObjectSpec s15 = object("s15c.bpf.o", List.of(hash("M")),
        prog("reserve", newNodeInto("M")),
        nmiProg("consume", takeDrop("M")),
        nmiProg("direct", newNodeInto("M")));
    RecordList reserved = new RecordList();
    for (int key = 0; key < 10; key++) {
      reserved.add(MS, 0, "reserve", 0, key);
    }
    for (int key = 0; key < 10; key++) {
      reserved.add(2 * MS, 1, "consume", 0, key);
    }
    RecordList direct = new RecordList();
    for (int key = 0; key < 10; key++) {
      direct.add(3 * MS, 2, "direct", 0, 40 + key);
    }
    RunResult viaReserve = run(GLOBAL, spec("S15-reserve", 20 * MS).at(0, load(s15, "s15c"))
        .records(rs -> reserved.stream()).build());
    RunResult inNmi = run(GLOBAL, spec("S15-direct", 20 * MS).at(0, load(s15, "s15c"))
        .records(rs -> direct.stream()).build());
    assertEquals(0, viaReserve.summary().failedAllocs());
    assertEquals(0, last(viaReserve, Metric.LIVE_OBJECTS));
    assertEquals(6, inNmi.summary().failedAllocs());
    assertClean(viaReserve);
    assertClean(inNmi);
  }

  /**
   * S16 (Delyan 09-02; Alexei "out of scope"; Kumar 09-05): no stealing from other CPUs' free lists. CPU 0's cache
   * holds dozens of free nodes, yet an NMI program on CPU 1 fails after its own four.
   */
  @Test
  void S16_noStealingFromOtherCpus_global_nmiFailsDespiteFullCacheElsewhere() {
    ObjectSpec s16 = object("s16.bpf.o", List.of(hash("M")),
        prog("task", newNodeInto("M"), takeDrop("M")),
        nmiProg("nmi", newNodeInto("M")));
    RecordList records = new RecordList();
    for (int key = 0; key < 40; key++) {
      records.add(MS, 0, "task", 0, key);
    }
    for (int key = 0; key < 40; key++) {
      records.add(2 * MS, 0, "task", 1, key);
    }
    for (int i = 0; i < 6; i++) {
      records.add(3 * MS, 1, "nmi", 0, 50 + i);
    }
    RunResult r = run(GLOBAL, spec("S16", 20 * MS).at(0, load(s16, "s16")).records(rs -> records.stream()).build());
    // Before the NMI burst: CPU 0 alone caches at least the 40 nodes just dropped (64-byte units).
    assertTrue(valueAt(r, Metric.CACHED_BYTES, 2 * MS + MS / 2) >= 40 * 64);
    assertEquals(2, r.summary().failedAllocs());
    assertClean(r);
  }

  /**
   * S18 (Alexei 08-31 11:57): "Program authors shouldn't be creating allocators left and right. All these free lists
   * will waste memory." An initialised, unused size-0 allocator costs "~11 Kbyte per cpu" (10,816 bytes of prefilled
   * objects, docs/kernel-allocator.md) + 11 struct bpf_mem_cache per CPU. Eight programs, eight maps, no traffic: the
   * idle cost is that figure times the number of allocators each design creates.
   */
  @Test
  void S18_manyIdleAllocators_wasteMemory_perAllocatorElevenKbPerCpu() {
    List<MapSpec> maps = new ArrayList<>();
    List<ProgramSpec> programs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      maps.add(hash("M" + i));
      programs.add(prog("P" + i, newNodeInto("M" + i)));
    }
    ObjectSpec s18 = new ObjectSpec("s18.bpf.o", Claims.TYPES, maps, programs);
    RunSpec spec = spec("S18", 10 * MS).at(0, load(s18, "s18")).build();
    int cpus = 4;
    long prefilledPerCpu = 4 * (16 + 32 + 64 + 96 + 128 + 192 + 256) + 512 + 1024 + 2048 + 4096;
    assertEquals(10_816, prefilledPerCpu);
    long structsPerCpu = 11 * 192;
    Map<String, RunResult> results = runAll(spec, List.of(GLOBAL, RUNTIME, STATIC));
    results.put(RUNTIME + "-unmerged",
        run(RUNTIME, spec.withParameters(spec.parameters().with("runtime-refcount.merge", "false"))));
    Map<String, Long> allocators = new HashMap<>();
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      RunResult r = e.getValue();
      long n = valueAt(r, Metric.LIVE_ALLOCATORS, 5 * MS);
      allocators.put(e.getKey(), n);
      assertEquals(n * cpus * prefilledPerCpu, valueAt(r, Metric.CACHED_BYTES, 5 * MS), e.getKey());
      assertEquals(n * cpus * (prefilledPerCpu + structsPerCpu), valueAt(r, Metric.TOTAL_BYTES, 5 * MS), e.getKey());
      assertClean(r);
    }
    // One shared allocator (landed; design 1 merging by type, its default) against one per program or per map.
    assertEquals(1, allocators.get(GLOBAL));
    assertEquals(1, allocators.get(RUNTIME));
    assertEquals(8, allocators.get(RUNTIME + "-unmerged"));
    assertEquals(8, allocators.get(STATIC));
    results.remove(RUNTIME + "-unmerged");
    assertSafeDesignsClean(results);
  }

  /**
   * S20 (Delyan 08-25; Kumar 08-26): local vs kernel type confusion. A field typed with a vmlinux struct is a kernel
   * kptr (the landed btf_parse_kptr looks the name up in vmlinux first); a program-local node cannot be stored there
   * in any design.
   */
  @Test
  void S20_localObjectIntoKernelKptrField_allDesigns_reject() {
    MapSpec k = MapSpec.of("K", MapType.HASH, 64, field("mask", "bpf_cpumask"));
    ObjectSpec s20 = object("s20.bpf.o", List.of(allocatorMap("A"), k),
        prog("Pbad", StepSpec.allocStore("node", AllocSource.allocatorMap("A"), "K", "mask")));
    RunSpec spec = spec("S20", 10 * MS).kernelType("bpf_cpumask", 1032).at(0, load(s20, "s20")).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      assertRejected(r, "Pbad", "s20", "invalid kptr access", "bpf_cpumask");
      assertClean(r);
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S20, the same-name case. The program's BTF carries its own copy of struct bpf_cpumask (as vmlinux.h puts it
   * there) and does bpf_obj_new(struct bpf_cpumask), then kptr_xchg into the kernel kptr field. In the kernel
   * bpf_obj_new takes a local type id (bpf_core_type_id_local), so R0 is MEM_ALLOC with the program's BTF and
   * map_kptr_match_type refuses it for a kernel kptr. The model first resolved the allocated type vmlinux-first, like
   * a map field, and every design accepted: the claims tests found that model bug, and ProgramLinker now resolves
   * allocations in the program's BTF first, as bpf_obj_new does.
   */
  @Test
  void S20_sameNamedLocalStruct_allDesigns_reject() {
    MapSpec k = MapSpec.of("K", MapType.HASH, 64, field("mask", "bpf_cpumask")).withKptrAllocator("A");
    Map<String, Integer> types = new HashMap<>(Claims.TYPES);
    types.put("bpf_cpumask", 1032);
    ObjectSpec s20 = new ObjectSpec("s20b.bpf.o", types, List.of(allocatorMap("A"), k),
        List.of(prog("Pconf", StepSpec.allocStore("bpf_cpumask", AllocSource.allocatorMap("A"), "K", "mask"))));
    RunSpec spec = spec("S20-same-name", 10 * MS).kernelType("bpf_cpumask", 1032).at(0, load(s20, "s20b")).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      // bpf_obj_new gives a MEM_ALLOC pointer into the program's BTF; a kernel kptr field refuses it.
      assertTrue(r.verdicts().stream().anyMatch(v -> !v.accepted() && v.subject().equals("Pconf")
          && v.reason().contains("invalid kptr access")), r.strategy() + ": " + r.verdicts());
      assertClean(r);
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S21 (Kumar 09-01, Alexei 09-02): the global allocator "reduces to basically how we handle kernel kptrs": no
   * allocator refcounting, map free always frees into bpf_global_ma, and any local kptr may go into any field of the
   * same type. Only design 1 pays per allocation and free at run time (docs/designs.md, summary, "runtime cost"):
   * doubling the traffic doubles its bookkeeping and leaves every other design's unchanged.
   */
  @Test
  void S21_globalAllocator_noTrackingAnyMapAnyField() {
    ObjectSpec s21 = object("s21.bpf.o", List.of(allocatorMap("A"), hash("M1").withKptrAllocator("A"),
        hash("M2").withKptrAllocator("A")),
        prog("P", allocFrom("A", "M1"), move("M1", "M2"), takeDrop("M2")));
    Map<String, RunResult> small = runAll(s21Spec(s21, 50), ALL);
    Map<String, RunResult> large = runAll(s21Spec(s21, 100), ALL);
    RunResult g = large.get(GLOBAL);
    assertAccepted(g, "P", "s21");
    assertEquals(0, g.summary().bookkeepingOps());
    // bpf_global_ma alone: an allocator map names it under the landed design (no allocator maps landed).
    assertEquals(1, g.series().max(Metric.LIVE_ALLOCATORS));
    assertEquals(10, valueAt(g, Metric.LIVE_OBJECTS, 5 * MS));
    assertEquals(0, last(g, Metric.LIVE_OBJECTS));
    for (String s : ALL) {
      long before = small.get(s).summary().bookkeepingOps();
      long after = large.get(s).summary().bookkeepingOps();
      if (s.equals(RUNTIME)) {
        assertTrue(after > before, s + ": " + before + " -> " + after);
      } else {
        assertEquals(before, after, s);
      }
      assertClean(small.get(s));
      assertClean(large.get(s));
    }
    assertSafeDesignsClean(small);
    assertSafeDesignsClean(large);
  }

  /** cycles × (alloc into M1, move to M2, drop), then ten objects left in M1 for map free. */
  private static RunSpec s21Spec(ObjectSpec s21, int cycles) {
    RecordList records = new RecordList();
    for (int i = 0; i < cycles; i++) {
      long t = MS + i * 10_000L;
      records.add(t, 0, "P", 0, 0).add(t + 1000, 0, "P", 1, 0, 0).add(t + 2000, 0, "P", 2, 0);
    }
    for (int key = 0; key < 10; key++) {
      records.add(3 * MS, 0, "P", 0, key);
    }
    return spec("S21-" + cycles, 40 * MS).at(0, load(s21, "s21")).at(10 * MS, closeAndDetach("s21"))
        .records(rs -> records.stream()).build();
  }
}
