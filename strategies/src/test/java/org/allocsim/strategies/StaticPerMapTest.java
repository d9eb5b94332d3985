package org.allocsim.strategies;

import static org.allocsim.strategies.Runs.MS;
import static org.allocsim.strategies.Runs.S;
import static org.allocsim.strategies.Runs.assertSafe;
import static org.allocsim.strategies.Runs.at;
import static org.allocsim.strategies.Runs.kptrMap;
import static org.allocsim.strategies.Runs.object;
import static org.allocsim.strategies.Runs.prog;
import static org.allocsim.strategies.Runs.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.metrics.Metric;
import org.allocsim.world.AllocSource;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

class StaticPerMapTest {

  private static RunResult run(RunSpec spec) {
    return Simulation.run(spec, new StaticPerMap());
  }

  @Test
  void objectsMustComeFromTheDestinationMapsKptrAllocator() {
    ObjectSpec o = object("d3.bpf.o", List.of(Runs.allocatorMap("ma"), kptrMap("own"),
        kptrMap("shared").withKptrAllocator("ma"), kptrMap("shared2").withKptrAllocator("ma")),
        prog("ma_into_own", StepSpec.allocStore("foo", AllocSource.allocatorMap("ma"), "own", "v")),
        prog("ma_into_shared", StepSpec.allocStore("foo", AllocSource.allocatorMap("ma"), "shared", "v")),
        prog("new_into_own", StepSpec.allocStore("foo", AllocSource.DEFAULT, "own", "v")),
        prog("own_to_shared", StepSpec.move("own", "v", "shared", "v")),
        prog("shared_to_shared2", StepSpec.move("shared", "v", "shared2", "v")));
    RunResult r = run(RunSpec.builder("d3").duration(S).at(0, new ControlAction.LoadObject("agent", o, "k1"))
        .build());
    LoadRecord refused = verdict(r, "ma_into_own");
    assertFalse(refused.accepted());
    assertTrue(refused.reason().startsWith("object from allocator ma@d3.bpf.o@k1 but map own's kptr_allocator is own#"),
        refused.reason());
    assertTrue(verdict(r, "ma_into_shared").accepted());
    assertTrue(verdict(r, "new_into_own").accepted(), "bpf_obj_new uses the destination's kptr_allocator");
    assertFalse(verdict(r, "own_to_shared").accepted());
    assertTrue(verdict(r, "shared_to_shared2").accepted(), "maps sharing ma may exchange objects");
    assertSafe(r);
  }

  private static RunSpec katranReload(boolean pinAllocator) {
    MapSpec ma = Runs.allocatorMap("ma");
    if (pinAllocator) {
      ma = ma.pinnedAt("/sys/fs/bpf/ma");
    }
    ObjectSpec lb = object("balancer.bpf.o", List.of(ma, kptrMap("conn").withKptrAllocator("ma")
        .pinnedAt("/sys/fs/bpf/conn")),
        prog("xdp_lb", StepSpec.allocStore("foo", AllocSource.allocatorMap("ma"), "conn", "v"),
            StepSpec.takeDrop("conn", "v")));
    RecordList records = new RecordList().add(MS, 0, "xdp_lb", 0, 1).add(20 * MS, 0, "xdp_lb", 0, 2)
        .add(30 * MS, 0, "xdp_lb", 1, 1);
    RunSpec.Builder b = RunSpec.builder("katran").duration(S).set("metrics.sample_interval_ns", "10000000")
        .at(0, new ControlAction.LoadObject("katran", lb, "k1"))
        .at(10 * MS, new ControlAction.LoadObject("katran", lb, "k2"))
        .at(10 * MS, new ControlAction.CloseObject("k1", false))
        .at(100 * MS, new ControlAction.CloseObject("k2", true))
        .at(100 * MS, new ControlAction.Unpin("/sys/fs/bpf/conn"));
    if (pinAllocator) {
      b.at(100 * MS, new ControlAction.Unpin("/sys/fs/bpf/ma"));
    }
    return b.records(rs -> records.stream()).build();
  }

  @Test
  void aReloadThatReusesThePinnedAllocatorKeepsThePinnedMapUsable() {
    RunResult pinned = run(katranReload(true));
    assertTrue(pinned.verdicts().get(1).accepted());
    assertEquals(1, at(pinned, Metric.LIVE_OBJECTS, 50 * MS), "one object freed by the reload, one stored");
    assertEquals(0, pinned.series().last(Metric.LIVE_ALLOCATORS));
    assertSafe(pinned);
    RunResult fresh = run(katranReload(false));
    assertFalse(fresh.verdicts().get(1).accepted(), "S9: a new allocator map is not conn's kptr_allocator");
    assertSafe(fresh);
  }

  @Test
  void innerMapsMustShareTheTemplatesAllocatorAndThenOutliveTheirProgramSafely() {
    ObjectSpec o = object("mim.bpf.o", List.of(Runs.allocatorMap("ma"),
        MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, 4, kptrMap("inner")).withKptrAllocator("ma")),
        prog("p", StepSpec.allocStore("foo", AllocSource.allocatorMap("ma"), "outer", "v")));
    RecordList records = new RecordList().add(MS, 0, "p", 0, 0);
    RunResult r = run(RunSpec.builder("s4").duration(S)
        .at(0, new ControlAction.LoadObject("agent", o, "k1"))
        .at(0, new ControlAction.CreateMap("agent", kptrMap("inner").withKptrAllocator("ma"), "good", "k1"))
        .at(0, new ControlAction.CreateMap("agent", kptrMap("inner"), "own", "k1"))
        .at(0, new ControlAction.InsertInner(MapRef.of("k1", "outer"), 1, MapRef.of("own", "inner")))
        .at(0, new ControlAction.InsertInner(MapRef.of("k1", "outer"), 0, MapRef.of("good", "inner")))
        .at(2 * MS, new ControlAction.DeleteInner(MapRef.of("k1", "outer"), 0))
        .at(3 * MS, new ControlAction.CloseObject("k1", true))
        .at(50 * MS, new ControlAction.CloseMapFd("agent", MapRef.of("good", "inner")))
        .records(rs -> records.stream()).build());
    assertFalse(r.verdicts().get(1).accepted(), "S4: the inner map's own allocator differs from the template's");
    assertTrue(r.verdicts().get(2).accepted());
    assertEquals(0, r.series().last(Metric.LIVE_OBJECTS));
    assertSafe(r);
  }
}
