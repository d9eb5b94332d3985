package org.allocsim.kernel;

import static org.allocsim.kernel.Fixtures.MS;
import static org.allocsim.kernel.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.OperationSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/** Kernel rules every design shares, as Linux 6.18 showed them (issue 14's list, checked on the live kernel). */
class KernelRulesTest {
  private static final MapSpec INNER = MapSpec.of("inner", MapType.ARRAY, 4, new KptrField("f", "node"));

  private static ObjectSpec object(String name) {
    return new ObjectSpec(name, Map.of("node", 48),
        List.of(MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, 2, INNER), INNER),
        List.of(ProgramSpec.of("p", ExecContext.SOFTIRQ,
            OperationSpec.allocStore("node", AllocSource.DEFAULT, "inner", "f"))));
  }

  private static RunResult insert(String innerOwner) {
    return Simulation.run(RunSpec.builder("meta-equal").duration(S)
        .at(0, new ControlAction.LoadObject("agent", object("a.bpf.o"), "a"))
        .at(0, new ControlAction.LoadObject("agent", object("b.bpf.o"), "b"))
        .at(MS, new ControlAction.InsertInner(MapRef.of("a", "outer"), 0, MapRef.of(innerOwner, "inner")))
        .build(), new SingleAllocator());
  }

  @Test
  void innerMapFromAnotherLoadsBtfIsRefusedByMetaEqual() {
    LoadRecord refused = insert("b").verdicts().get(2);
    assertFalse(refused.accepted());
    assertTrue(refused.reason().contains("bpf_map_meta_equal"), refused.reason());
    assertTrue(insert("a").verdicts().get(2).accepted());
  }

  @Test
  void userSpaceDeleteOnAnArrayFailsAndKeepsTheObject() {
    ObjectSpec obj = new ObjectSpec("arr.bpf.o", Map.of("node", 48),
        List.of(MapSpec.of("arr", MapType.ARRAY, 4, new KptrField("f", "node"))),
        List.of(ProgramSpec.of("p", ExecContext.SOFTIRQ,
            OperationSpec.allocStore("node", AllocSource.DEFAULT, "arr", "f"))));
    Observations obs = new Observations();
    Simulation.runObserved(RunSpec.builder("array-delete").duration(S)
        .at(0, new ControlAction.LoadObject("agent", obj, "k"))
        .at(2 * MS, new ControlAction.DeleteElement(MapRef.of("k", "arr"), 1))
        .at(3 * MS, new ControlAction.UpdateElement(MapRef.of("k", "arr"), 2))
        .at(4 * MS, new ControlAction.CloseObject("k", true))
        .records(rs -> new RecordList().add(MS, 0, "p", 0, 1).add(MS, 0, "p", 0, 2).stream()).build(),
        new SingleAllocator(), obs);
    assertEquals(List.of("EINVAL", "ok"), obs.userOps().stream().map(Observations.UserOp::result).toList());
    // The delete kept key 1's object, the update dropped key 2's: the map free drops the one left.
    assertEquals(List.of(new Observations.MapFree(4 * MS + 10 * MS, "k.arr", 1)), obs.mapFrees());
    assertEquals(2, obs.count("p", 0, StepOutcome.ALLOCATED));
  }
}
