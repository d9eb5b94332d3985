package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration's parameter file and the model units it is set beside. */
class CalibrationTextTest {
  @Test
  void theModelUnitIsTheSmallestClassHoldingTheObjectAndItsHeader() {
    assertEquals(64, Calibration.modelUnit(48));
    assertEquals(96, Calibration.modelUnit(88));
    assertEquals(128, Calibration.modelUnit(120));
    assertEquals(512, Calibration.modelUnit(504));
    assertEquals(1024, Calibration.modelUnit(1016));
  }

  @Test
  void tasksTraceIsWhatTheMeasuredDelayLeavesAfterTheRcuGracePeriod() {
    List<Calibration.Size> sizes = List.of(
        new Calibration.Size(48, 64, "kmalloc-cg-64", 72, 72, 40_000_000L, 100_000, 0, 72),
        new Calibration.Size(88, 96, "kmalloc-cg-96", 104, 104, 50_000_000L, 100_000, 0, 72),
        new Calibration.Size(120, 128, "kmalloc-cg-128", 136, 136, -1, 100_000, 90_000, 136));
    String yaml = CalibrationText.parameters("6.18", 9_000_000L, sizes);
    assertTrue(yaml.contains("  rcu.grace_period_ns: 9000000\n"), yaml);
    // Median of the measured delays (40 and 50 ms; the unmeasured one left out) is 50 ms: 50 - 9 = 41 ms.
    assertTrue(yaml.contains("  rcu.tasks_trace_grace_period_ns: 41000000\n"), yaml);
  }

  @Test
  void objectsThatNeverCameBackLeaveTheModelsTasksTraceDefault() {
    List<Calibration.Size> sizes = List.of(new Calibration.Size(48, 64, "kmalloc-cg-64", 72, 72, -1, 100_000,
        100_000, 72), new Calibration.Size(88, 96, "kmalloc-cg-96", 0, 0, 20_000_000L, 30, 0, 0));
    String yaml = CalibrationText.parameters("6.18", 9_000_000L, sizes);
    // The second size reused old objects (30 added): its delay does not count.
    assertTrue(yaml.contains("  rcu.tasks_trace_grace_period_ns: 25000000\n"), yaml);
    assertTrue(CalibrationText.text("6.18", 9_000_000L, sizes).contains("not within 10 s"));
  }
}
