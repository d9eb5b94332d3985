package org.allocsim.strategies.claims;

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
import static org.allocsim.strategies.claims.Claims.load;
import static org.allocsim.strategies.claims.Claims.move;
import static org.allocsim.strategies.claims.Claims.object;
import static org.allocsim.strategies.claims.Claims.prog;
import static org.allocsim.strategies.claims.Claims.replaceWithEmpty;
import static org.allocsim.strategies.claims.Claims.runAll;
import static org.allocsim.strategies.claims.Claims.spec;
import static org.allocsim.strategies.claims.Claims.takeDrop;
import static org.allocsim.strategies.claims.Claims.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.metrics.Metric;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/** S7-S8: what verification order and irreversible bindings do to the verifier-tracked designs. */
class ClaimsLoadOrderTest {

  /** How the S7 sequence ends after P1 and P2 are gone. */
  private enum Ending {
    /** "P3 runs and frees o". */
    P3_RUNS,
    /** "or M2 free ⇒ unit_free on dead allocator". */
    M2_FREED
  }

  /**
   * Kumar's P1/P2/P3 (CAP01T76N+6c, quoted in S11): A; M1, M2; P1 = {p = kptr_xchg(M1.f, NULL); kptr_xchg(M2.f,
   * p)}, P2 = {p = alloc(&A); kptr_xchg(M1.f, p)}, P3 = {p = kptr_xchg(M2.f, NULL); unit_free(p)}, verified in
   * the given order as one object file. P2 runs, then P1 (o moves A -> M1 -> M2); P1 and P2 are unloaded, which
   * frees them, A and M1 a grace period later; M2 stays, held by P3.
   */
  private static RunSpec s7(Ending ending, String... order) {
    List<ProgramSpec> programs = new ArrayList<>();
    for (String p : order) {
      programs.add(switch (p) {
        case "P1" -> prog("P1", move("M1", "M2"));
        case "P2" -> prog("P2", allocFrom("A", "M1"));
        case "P3" -> prog("P3", takeDrop("M2"));
        default -> throw new IllegalArgumentException(p);
      });
    }
    ObjectSpec s7 = new ObjectSpec("s7.bpf.o", Claims.TYPES,
        List.of(allocatorMap("A"), hash("M1").withKptrAllocator("A"), hash("M2").withKptrAllocator("A")), programs);
    RecordList records = new RecordList()
        .add(2 * MS, 0, "P2", 0, 0)
        .add(3 * MS, 0, "P1", 0, 0, 0);
    RunSpec.Builder b = spec("S7-" + String.join("", order) + "-" + ending, 60 * MS)
        .at(0, load(s7, "s7"))
        .at(MS, closeFds("s7"))
        .at(4 * MS, replaceWithEmpty("detach12", "P1", "P2"));
    if (ending == Ending.P3_RUNS) {
      records.add(20 * MS, 0, "P3", 0, 0);
    } else {
      b.at(20 * MS, replaceWithEmpty("detach3", "P3"));
    }
    return b.records(rs -> records.stream()).build();
  }

  private static void assertAllLoadedAndObjectMoved(Map<String, RunResult> results, Ending ending) {
    for (RunResult r : results.values()) {
      for (String p : List.of("P1", "P2", "P3")) {
        assertAccepted(r, p, "s7");
      }
      if (!r.strategy().equals(PER_FIELD)) {
        // M1 was freed at 14 ms: o is alive at 17 ms only because P1 moved it to M2 (btf-placeholder: P2's load
        // replaced the placeholder P1 installed, so P1's kptr_xchg returns real objects).
        assertEquals(1, valueAt(r, Metric.LIVE_OBJECTS, 17 * MS), r.strategy());
        assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, ending == Ending.P3_RUNS ? 25 * MS : 35 * MS),
            r.strategy());
      }
    }
  }

  /** S7 under D2b, order {P1, P3, P2}: M2.used_allocators stays empty, A dies with M1, P3's free is a UAF. */
  @Test
  void S7_loadOrderHole_perField_useAfterFree() {
    Map<String, RunResult> results = runAll(s7(Ending.P3_RUNS, "P1", "P3", "P2"), ALL);
    assertAllLoadedAndObjectMoved(results, Ending.P3_RUNS);
    RunResult d2b = results.get(PER_FIELD);
    assertFound(d2b, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertFound(d2b, ViolationKind.USE_AFTER_FREE);
    // D0's unload walk (P1's, at 4 ms) finds o in M2 and adds A to M2.used_allocators: no hole here.
    assertClean(results.get(FIRST));
    assertSafeDesignsClean(results);
  }

  /** S7, the other ending: M2 is freed with o still in it, "unit_free on dead allocator". */
  @Test
  void S7_loadOrderHole_perField_mapFreeUseAfterFree() {
    Map<String, RunResult> results = runAll(s7(Ending.M2_FREED, "P1", "P3", "P2"), ALL);
    assertAllLoadedAndObjectMoved(results, Ending.M2_FREED);
    RunResult d2b = results.get(PER_FIELD);
    assertFound(d2b, ViolationKind.DESTROYED_WITH_LIVE_OBJECTS);
    assertFound(d2b, ViolationKind.USE_AFTER_FREE);
    assertClean(results.get(FIRST));
    assertSafeDesignsClean(results);
  }

  /**
   * S7, order {P2, P1, P3}: "no info lost". When P1 is verified, M1.f is already bound to A, so the verifier knows
   * the allocator of p = kptr_xchg(M1.f, NULL) and kptr_xchg(M2.f, p) adds A to M2.used_allocators (D2b: "the
   * verifier walks all kptr_xchg(map_value, obj) and adds obj's allocator").
   */
  @Test
  void S7_safeLoadOrder_perField_noViolation() {
    Map<String, RunResult> results = runAll(s7(Ending.P3_RUNS, "P2", "P1", "P3"), ALL);
    assertAllLoadedAndObjectMoved(results, Ending.P3_RUNS);
    assertClean(results.get(PER_FIELD));
    assertClean(results.get(FIRST));
    assertSafeDesignsClean(results);
  }

  /**
   * S7, btf-placeholder (Alexei 08-29 23:03): P1 and P3 load without P2; they install a placeholder, are runnable
   * at once, and "those kptr_xchg() in P1 and P3 will be returning NULL. If P2 with bpf_mem_alloc never loads it's
   * fine. Not a safety issue." Design 3 refuses P1 instead: M1 and M2 have different implicit allocators (S11).
   */
  @Test
  void S7_withoutAllocatingProgram_btfPlaceholder_loadsAndIsSafe() {
    ObjectSpec s7 = object("s7np.bpf.o", List.of(hash("M1"), hash("M2")),
        prog("P1", move("M1", "M2")), prog("P3", takeDrop("M2")));
    RecordList records = new RecordList().add(2 * MS, 0, "P1", 0, 0, 0).add(3 * MS, 0, "P3", 0, 0);
    RunSpec spec = spec("S7-noP2", 30 * MS).at(0, load(s7, "s7np")).at(10 * MS, closeAndDetach("s7np"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      assertAccepted(r, "P3", "s7np");
      if (r.strategy().equals(STATIC)) {
        assertRejected(r, "P1", "s7np", "kptr_allocator");
      } else {
        assertAccepted(r, "P1", "s7np");
      }
      assertEquals(0, r.series().max(Metric.LIVE_OBJECTS), r.strategy());
      assertClean(r);
    }
    assertSafeDesignsClean(results);
  }

  /**
   * S8 (Delyan 08-30, Alexei: "That's also correct"): under btf-placeholder a claimed slot "cannot be unclaimed": once
   * the allocator map is gone the field can only be drained, and no program can refill it with another allocator
   * until the whole BTF object is freed and the object loaded again. The ranked design 2 dissolves the binding once
   * no program refers to the field and it is empty.
   */
  @Test
  void S8_claimedFieldStaysUseless_btfPlaceholder_onlyDrainUntilBtfFreed() {
    MapSpec m = hash("M").pinnedAt("/sys/fs/bpf/s8_M");
    ObjectSpec s8 = object("s8.bpf.o", List.of(allocatorMap("A"), allocatorMap("A2"), m.withKptrAllocator("A")),
        prog("Pfill", allocFrom("A", "M")), prog("Pdrain", takeDrop("M")), prog("Pother", allocFrom("A2", "M")));
    ObjectSpec refill = object("s8new.bpf.o", List.of(allocatorMap("A2"), m.withKptrAllocator("A2")),
        prog("Prefill", allocFrom("A2", "M")));
    RecordList records = new RecordList();
    for (int key = 0; key < 4; key++) {
      records.add(2 * MS, 0, "Pfill", 0, key);
    }
    for (int key = 0; key < 4; key++) {
      records.add(20 * MS, 0, "Pdrain", 0, key);
    }
    records.add(60 * MS, 0, "Prefill", 0, 0);
    RunSpec spec = spec("S8", 150 * MS)
        .at(0, load(s8, "s8"))
        .at(MS, closeFds("s8"))
        .at(5 * MS, replaceWithEmpty("d1", "Pfill"))
        .at(30 * MS, replaceWithEmpty("d2", "Pdrain"))
        .at(50 * MS, load("agent2", refill, "s8new"))
        .at(70 * MS, closeAndDetach("s8new"))
        .at(90 * MS, new ControlAction.Unpin("/sys/fs/bpf/s8_M"))
        .at(100 * MS, load("agent3", s8, "s8again"))
        .records(rs -> records.stream()).build();
    Map<String, RunResult> results = runAll(spec, ALL);
    for (RunResult r : results.values()) {
      // Draining works in every design: the objects go back to A although A's map is gone since 15 ms.
      assertEquals(4, valueAt(r, Metric.LIVE_OBJECTS, 10 * MS), r.strategy());
      assertEquals(0, valueAt(r, Metric.LIVE_OBJECTS, 25 * MS), r.strategy());
      assertAccepted(r, "Pfill", "s8again");
    }
    RunResult ph = results.get(PLACEHOLDER);
    // First binder wins: in the same BTF object a second allocator for struct node is refused outright.
    assertRejected(ph, "Pother", "s8", "already claimed");
    // No program can use A any more, yet the (BTF, node) slot keeps it: stranded caches. A refill from a later
    // load is refused too, here already because its node is a type of another BTF object.
    assertEquals(1, valueAt(ph, Metric.LIVE_ALLOCATORS, 45 * MS));
    assertTrue(valueAt(ph, Metric.STRANDED_BYTES, 45 * MS) > 0);
    assertRejected(ph, "Prefill", "s8new", "invalid kptr access");
    // The pin went at 90 ms: M, then its BTF object are freed, and only then A.
    assertEquals(0, valueAt(ph, Metric.LIVE_ALLOCATORS, 95 * MS));

    RunResult d2 = results.get(DISSOLVING);
    assertEquals(0, valueAt(d2, Metric.LIVE_ALLOCATORS, 45 * MS));
    assertEquals(0, valueAt(d2, Metric.STRANDED_BYTES, 45 * MS));
    assertAccepted(d2, "Prefill", "s8new");
    assertAccepted(results.get(RUNTIME), "Prefill", "s8new");
    assertAccepted(results.get(FIRST), "Prefill", "s8new");
    // D2b never unbinds before map free, design 3 fixed M's allocator at creation, and the landed kernel refuses a
    // local type of another BTF object: all three refuse the refill too, for their own reasons.
    assertRejected(results.get(PER_FIELD), "Prefill", "s8new", "already");
    assertRejected(results.get(STATIC), "Prefill", "s8new", "kptr_allocator");
    assertRejected(results.get(GLOBAL), "Prefill", "s8new", "invalid kptr access");
    assertSafeDesignsClean(results);
  }
}
