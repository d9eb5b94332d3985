package org.allocsim.kernel;

import static org.allocsim.kernel.Fixtures.MS;
import static org.allocsim.kernel.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/** S13's hidden second allocator: elements of a no-prealloc hash map come from the map's own htab->ma. */
class ElementsTest {

  @Test
  void elementsAreAllocatedOnFirstWriteAndFreedOnDeleteAndMapFree() {
    ObjectSpec obj = new ObjectSpec("elem.bpf.o", Map.of("node", 48),
        List.of(MapSpec.of("hash", MapType.HASH, 16, new KptrField("node", "node")).withElements(72)),
        List.of(ProgramSpec.of("p", ExecContext.TASK,
            StepSpec.allocStore("node", AllocSource.DEFAULT, "hash", "node"))));
    RecordList records = new RecordList().add(MS, 0, "p", 0, 3).add(2 * MS, 0, "p", 0, 3).add(3 * MS, 0, "p", 0, 5);
    RunResult r = Simulation.run(RunSpec.builder("elements").duration(S)
        .set("metrics.sample_interval_ns", "1000000")
        .at(0, new ControlAction.LoadObject("agent", obj, "k1"))
        .at(10 * MS, new ControlAction.DeleteElement(MapRef.of("k1", "hash"), 5))
        .at(20 * MS, new ControlAction.CloseObject("k1", true))
        .records(rs -> records.stream()).build(), new SingleAllocator());
    // After the three stores: 2 nodes (64-byte units) + 2 elements (72 + 8 = 80-byte units, charged as kmalloc-96);
    // one node replaced.
    assertEquals(2 * 64 + 2 * 96, r.series().value(Metric.LIVE_BYTES, sampleAt(r, 4 * MS)));
    assertEquals(64 + 96, r.series().value(Metric.LIVE_BYTES, sampleAt(r, 10 * MS)));
    // The element allocator is the map's own: it dies with the map, the single allocator stays.
    assertEquals(2, r.series().value(Metric.LIVE_ALLOCATORS, sampleAt(r, 10 * MS)));
    assertEquals(1, r.series().last(Metric.LIVE_ALLOCATORS));
    assertEquals(0, r.series().last(Metric.LIVE_OBJECTS));
    assertEquals(0, r.summary().safetyViolations());
  }

  /** Index of the last sample at or before t (samples follow every control event). */
  private static int sampleAt(RunResult r, long t) {
    int found = -1;
    for (int i = 0; i < r.series().size(); i++) {
      if (r.series().time(i) <= t) {
        found = i;
      }
    }
    return found;
  }
}
