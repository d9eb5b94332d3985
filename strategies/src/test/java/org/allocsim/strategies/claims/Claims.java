package org.allocsim.strategies.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.allocsim.oracle.Violation;
import org.allocsim.oracle.ViolationKind;
import org.allocsim.strategy.Strategies;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/**
 * Shared vocabulary of the claim tests (docs/claims.md): strategy names, small object files, running one spec
 * under several designs, and the checks every claim test ends with.
 */
final class Claims {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  static final String GLOBAL = "global";
  static final String RUNTIME = "runtime-refcount";
  static final String PER_FIELD = "per-field";
  static final String DISSOLVING = "per-field-dissolving";
  static final String STATIC = "static-per-map";
  static final String PLACEHOLDER = "btf-placeholder";
  static final String FIRST = "first-proposal";

  /** Every design, in registration order. */
  static final List<String> ALL = List.of(GLOBAL, RUNTIME, PER_FIELD, DISSOLVING, STATIC, PLACEHOLDER, FIRST);

  /** The designs the thread argues are safe; the oracle must find nothing on any claim (issue 3). */
  static final Set<String> SAFE = Set.of(GLOBAL, RUNTIME, STATIC, PLACEHOLDER, DISSOLVING);

  /** Local struct types of every object file here: scx_flatcg-sized node and a smaller leaf. */
  static final Map<String, Integer> TYPES = Map.of("node", 48, "leaf", 24);

  static final String AGENT = "agent";

  private Claims() {}

  // --- object files -----------------------------------------------------------------------------------------

  static KptrField field(String name, String type) {
    return new KptrField(name, type);
  }

  /** A hash map of 64 entries with one {@code struct node __kptr *f}. */
  static MapSpec hash(String name) {
    return MapSpec.of(name, MapType.HASH, 64, field("f", "node"));
  }

  static MapSpec allocatorMap(String name) {
    return MapSpec.allocator(name, 0);
  }

  static ProgramSpec prog(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.TASK, ops);
  }

  static ProgramSpec nmiProg(String name, StepSpec... ops) {
    return ProgramSpec.of(name, ExecContext.NMI, ops);
  }

  static ObjectSpec object(String name, List<MapSpec> maps, ProgramSpec... programs) {
    return new ObjectSpec(name, TYPES, maps, List.of(programs));
  }

  /** p = bpf_mem_alloc(&alloc, node); kptr_xchg(&map->f, p). */
  static StepSpec allocFrom(String allocator, String map) {
    return StepSpec.allocStore("node", AllocSource.allocatorMap(allocator), map, "f");
  }

  /** p = kptr_xchg(&map->f, NULL); drop(p). */
  static StepSpec takeDrop(String map) {
    return StepSpec.takeDrop(map, "f");
  }

  /** p = kptr_xchg(&from->f, NULL); kptr_xchg(&to->f, p). */
  static StepSpec move(String from, String to) {
    return StepSpec.move(from, "f", to, "f");
  }

  /**
   * Unloads single programs of an object whose fds are already closed: a new object attaches empty programs of the
   * same names (bpf_link_update), so the old ones lose their last holder. This keeps one BTF object for every
   * program of a scenario, which the BTF-keyed designs need (one bpf_object, one BTF, as libbpf loads it).
   */
  static ControlAction.LoadObject replaceWithEmpty(String instance, String... programs) {
    List<ProgramSpec> empty = new ArrayList<>();
    for (String p : programs) {
      empty.add(ProgramSpec.of(p, ExecContext.TASK));
    }
    return new ControlAction.LoadObject(AGENT, new ObjectSpec("detach.bpf.o", Map.of(), List.of(), empty), instance);
  }

  static ControlAction.LoadObject load(ObjectSpec spec, String instance) {
    return new ControlAction.LoadObject(AGENT, spec, instance);
  }

  static ControlAction.LoadObject load(String process, ObjectSpec spec, String instance) {
    return new ControlAction.LoadObject(process, spec, instance);
  }

  static ControlAction.CloseObject closeFds(String instance) {
    return new ControlAction.CloseObject(instance, false);
  }

  static ControlAction.CloseObject closeAndDetach(String instance) {
    return new ControlAction.CloseObject(instance, true);
  }

  static MapRef map(String instance, String name) {
    return MapRef.of(instance, name);
  }

  /** A run builder sampling every millisecond, so metrics can be read between events. */
  static RunSpec.Builder spec(String name, long durationNs) {
    return RunSpec.builder(name).duration(durationNs).set("metrics.sample_interval_ns", Long.toString(MS));
  }

  /** Key of a value in the inner map at outer slot {@code outer}: high 32 bits pick the slot. */
  static long innerKey(long outer, long key) {
    return (outer << 32) | key;
  }

  // --- running ----------------------------------------------------------------------------------------------

  /** Runs spec under a fresh instance of the named strategy. */
  static RunResult run(String strategy, RunSpec spec) {
    return Simulation.run(spec, Strategies.installed().create(strategy));
  }

  /** Runs the same spec under each named strategy, a fresh instance each. */
  static Map<String, RunResult> runAll(RunSpec spec, List<String> strategies) {
    Map<String, RunResult> out = new LinkedHashMap<>();
    for (String s : strategies) {
      out.put(s, run(s, spec));
    }
    return out;
  }

  // --- checks -----------------------------------------------------------------------------------------------

  /**
   * The issue's headline for every claim test: global, runtime-refcount, static-per-map, btf-placeholder and
   * per-field-dissolving show no oracle finding of any kind and no breach of their own invariants.
   */
  static void assertSafeDesignsClean(Map<String, RunResult> results) {
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      if (SAFE.contains(e.getKey())) {
        assertClean(e.getValue());
      }
    }
  }

  /** No oracle finding and no invariant breach. */
  static void assertClean(RunResult r) {
    assertEquals(Map.of(), r.violationCounts(), r.strategy() + " on " + r.scenario() + ": " + describe(r));
    assertEquals(List.of(), r.invariantBreaches(), r.strategy() + " on " + r.scenario() + ": invariant breaches");
  }

  /** At least one finding of kind. */
  static void assertFound(RunResult r, ViolationKind kind) {
    assertTrue(r.violations(kind) > 0, r.strategy() + " on " + r.scenario() + ": expected " + kind.label()
        + ", found " + describe(r));
  }

  static void assertNone(RunResult r, ViolationKind kind) {
    assertEquals(0, r.violations(kind), r.strategy() + " on " + r.scenario() + ": " + describe(r));
  }

  static String describe(RunResult r) {
    if (r.violations().isEmpty()) {
      return "no violations";
    }
    return r.violationCounts() + " first: " + r.violations().stream().limit(3).map(Claims::describe)
        .collect(Collectors.joining("; "));
  }

  private static String describe(Violation v) {
    return v.kind().label() + " at " + v.timeNs() + " ns in '" + v.event() + "': " + v.detail();
  }

  /** The verifier decision on subject (a program name) for the load whose BTF belongs to instance. */
  static LoadRecord verdict(RunResult r, String subject, String instance) {
    LoadRecord found = null;
    for (LoadRecord v : r.verdicts()) {
      if (v.subject().equals(subject) && v.btf().endsWith("@" + instance)) {
        if (found != null) {
          fail("two verdicts on " + subject + " in " + instance + ": " + r.verdicts());
        }
        found = v;
      }
    }
    if (found == null) {
      fail(r.strategy() + ": no verdict on " + subject + " in " + instance + "; verdicts: " + r.verdicts());
    }
    return found;
  }

  /** The decision on a map-in-map insert, whose subject starts with {@code inner-map insert <inner> into}. */
  static LoadRecord insertVerdict(RunResult r, String inner, String outer, long key) {
    String subject = "inner-map insert " + inner + " into " + outer + "[" + key + "]";
    for (LoadRecord v : r.verdicts()) {
      if (v.subject().equals(subject)) {
        return v;
      }
    }
    return fail(r.strategy() + ": no verdict on " + subject + "; verdicts: " + r.verdicts());
  }

  static void assertAccepted(RunResult r, String subject, String instance) {
    LoadRecord v = verdict(r, subject, instance);
    assertTrue(v.accepted(), r.strategy() + " refused " + subject + " in " + instance + ": " + v.reason());
  }

  /** Refused, and the reason names every one of words (case-insensitive): the reason a developer would see. */
  static void assertRejected(RunResult r, String subject, String instance, String... words) {
    LoadRecord v = verdict(r, subject, instance);
    assertRejected(r, v, words);
  }

  static void assertRejected(RunResult r, LoadRecord v, String... words) {
    assertFalse(v.accepted(), r.strategy() + " accepted " + v.subject());
    String reason = v.reason().toLowerCase(Locale.ROOT);
    for (String w : words) {
      assertTrue(reason.contains(w.toLowerCase(Locale.ROOT)), r.strategy() + ": reason for refusing " + v.subject()
          + " should mention '" + w + "': " + v.reason());
    }
  }

  /** The value of metric in the last sample taken at or before timeNs. */
  static long valueAt(RunResult r, Metric metric, long timeNs) {
    int found = -1;
    for (int i = 0; i < r.series().size(); i++) {
      if (r.series().time(i) <= timeNs) {
        found = i;
      }
    }
    assertTrue(found >= 0, "no sample at or before " + timeNs);
    return r.series().value(metric, found);
  }

  static long last(RunResult r, Metric metric) {
    return r.series().last(metric);
  }

  /** Strategies of ALL except the named ones. */
  static List<String> allBut(String... excluded) {
    List<String> out = new ArrayList<>(ALL);
    out.removeAll(Arrays.asList(excluded));
    return out;
  }
}
