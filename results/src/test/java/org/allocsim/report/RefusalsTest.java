package org.allocsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.metrics.RunSummary;
import org.junit.jupiter.api.Test;

class RefusalsTest {
  private static RunResult run(String strategy, LoadRecord... verdicts) {
    RunSummary s = new RunSummary(0, verdicts.length, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    return new RunResult("x", strategy, 1, 0, s, new MetricSeries(), List.of(verdicts), List.of(), Map.of(),
        List.of());
  }

  private static LoadRecord refused(long ns, String program, String reason) {
    return new LoadRecord(ns, program, "o@1", false, reason);
  }

  @Test
  void reasonsLoseTheirParticulars() {
    assertEquals("invalid kptr access", Refusals.reasonOf(
        "invalid kptr access: type=ptr_ct_entry (bpf_lxc.o@ep2@1) expected=ptr_ct_entry (bpf_lxc.o@ep1@1)"));
    assertEquals("kptr_offset already exists", Refusals.reasonOf("kptr field m.v already bound to allocator "
        + "p1#0.ma, not p2's own allocator (kptr_offset already exists)"));
    assertEquals("inner map … carries … but", Refusals.reasonOf("inner map in#3 carries o@2 o@3 but"));
    assertEquals("objects must come from the destination's allocator", Refusals.reasonOf("kptr_xchg from m1 "
        + "(kptr_allocator m1#0.a) into m2 (kptr_allocator m2#1.a): objects must come from the destination's "
        + "allocator"));
  }

  @Test
  void strategiesWithTheSameRefusalsShareOneEntryCountedByReason() {
    LoadRecord a = refused(200_000_000L, "p2", "invalid kptr access: type=ptr_t (o@2) expected=ptr_t (o@1)");
    LoadRecord b = refused(20_000_000_000L, "p3", "invalid kptr access: type=ptr_t (o@3) expected=ptr_t (o@1)");
    LoadRecord c = refused(1_000_000L, "p2", "kptr field m.v already bound (kptr_offset already exists)");
    List<Refusals.Group> groups = Refusals.of(List.of(run("global", a, b), run("none"), run("btf", a, b),
        run("per-field", c)));
    assertEquals(2, groups.size());
    assertEquals(List.of("global", "btf"), groups.get(0).strategies());
    assertEquals(List.of(new Refusals.Reason("invalid kptr access", 2, a)), groups.get(0).reasons());
    String text = Refusals.render(List.of(run("global", a, b), run("btf", a, b), run("per-field", c)));
    assertTrue(text.contains("global, btf: 2 refused each, the same loads\n"
        + "  2 x invalid kptr access; the first, at 200 ms:\n"
        + "    p2: invalid kptr access: type=ptr_t (o@2) expected=ptr_t (o@1)\n"), text);
    assertTrue(text.contains("per-field: 1 refused\n  at 1 ms, p2: kptr field m.v already bound "
        + "(kptr_offset already exists)\n"), text);
  }

  @Test
  void timesAreInMillisecondsOrSecondsWithoutTrailingZeros() {
    assertEquals("200 ms", Units.time(200_000_000L));
    assertEquals("1.5 ms", Units.time(1_500_000L));
    assertEquals("66 s", Units.time(66_000_000_000L));
    assertEquals("20.0005 s", Units.time(20_000_500_000L));
  }
}
