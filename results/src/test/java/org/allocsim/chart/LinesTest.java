package org.allocsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {
  private static Line line(String name, int style, double... y) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return new Line(name, style, x, y, null, null);
  }

  @Test
  void coincidingLinesAreDrawnOnceAndNamedTogether() {
    // Issue 16: in cilium's memory.png three designs coincide, so 7 legend entries showed 5 lines.
    List<Line> drawn = Lines.merged(List.of(line("a", 0, 1, 2), line("b", 1, 1, 3), line("c", 2, 1, 2),
        line("d", 3, 1, 3), line("e", 4, 5, 5)));
    assertEquals(List.of("a = c (identical)", "b = d (identical)", "e"), drawn.stream().map(Line::label).toList());
    assertEquals(List.of(0, 1, 4), drawn.stream().map(Line::style).toList(), "each keeps its first member's style");
  }

  @Test
  void thinningKeepsEveryPeakAndTheEnd() {
    double[] y = new double[10_000];
    y[1234] = 7;
    y[8765] = -3;
    Line thin = line("x", 0, y).thinned(100);
    assertTrue(thin.x().length <= 201, "at most two points a bucket and the last");
    assertEquals(7.0, java.util.Arrays.stream(thin.y()).max().orElseThrow());
    assertEquals(-3.0, java.util.Arrays.stream(thin.y()).min().orElseThrow());
    assertEquals(9_999.0, thin.x()[thin.x().length - 1]);
  }

  @Test
  void stepsHoldEachValueUntilTheNextSample() {
    Line s = line("x", 0, 1, 5).stepped();
    assertEquals(List.of(0.0, 1.0, 1.0), java.util.Arrays.stream(s.x()).boxed().toList());
    assertEquals(List.of(1.0, 1.0, 5.0), java.util.Arrays.stream(s.y()).boxed().toList());
  }

  @Test
  void ticksAreRoundAndWrittenInFull() {
    // Issue 16: ticks like 3,848,466.352884901 and 2.6214E5.
    Ticks big = Ticks.of(0, 3_848_466.352884901, 6, false, true);
    assertEquals(List.of("0", "1,000,000", "2,000,000", "3,000,000", "4,000,000"), List.of(big.labels()));
    assertEquals(4_000_000.0, big.hi(), "a value axis ends on a tick");
    Ticks small = Ticks.of(0, 0.26, 6, false, true);
    assertEquals(List.of("0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"), List.of(small.labels()));
    Ticks time = Ticks.of(0, 3.7, 8, false, false);
    assertEquals(3.7, time.hi(), "a time axis ends where the run ends");
    assertEquals("3.5", time.labels()[time.labels().length - 1]);
    Ticks count = Ticks.of(0, 0.3, 6, true, true);
    assertEquals(List.of("0", "1"), List.of(count.labels()), "counts tick in whole numbers");
    Ticks negative = Ticks.of(-262_144, 262_144, 4, false, true);
    assertTrue(List.of(negative.labels()).contains("-200,000") && List.of(negative.labels()).contains("0"),
        List.of(negative.labels()).toString());
  }

  @Test
  void scalesPickOneUnitFromTheLargestValue() {
    assertEquals("KiB", Scale.bytes(600_000).unit());
    assertEquals("MiB", Scale.bytes(2_000_000).unit());
    assertEquals("ms", Scale.time(1e9).unit());
    assertEquals("s", Scale.time(90e9).unit());
  }
}
