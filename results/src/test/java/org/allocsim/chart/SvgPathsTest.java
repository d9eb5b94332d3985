package org.allocsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SvgPathsTest {
  @Test
  void straightCubicsBecomeLinesAndStraightRunsOneLine() {
    // XChart's smooth step: across to x=3 (two cubics, one run), up to y=5, across to x=4.
    String step = "M1,2C1.5,2,1.5,2,2,2C2.5,2,2.5,2,3,2C3,2,3,5,3,5C3.5,5,3.5,5,4,5";
    assertEquals("M1,2L3,2L3,5L4,5", SvgPaths.path(step));
  }

  @Test
  void curvesClosedShapesAndTurnsBackAreKept() {
    assertEquals("M0,0C1,1,2,1,3,0", SvgPaths.path("M0,0C1,1,2,1,3,0"), "a real curve");
    assertEquals("M0,0L4,0L2,0", SvgPaths.path("M0,0L4,0L2,0"), "a run that turns back is two lines");
    assertEquals("M0,0L4,0L4,4L0,0ZM9,9L9,10", SvgPaths.path("M0,0L2,0L4,0L4,4L0,0ZM9,9L9,10"));
  }

  @Test
  void onlyPathDataIsRewritten() {
    String svg = "<path d='M1,2C1.5,2,1.5,2,2,2'/><text x='1'>M1,2C1.5,2,1.5,2,2,2</text>";
    assertEquals("<path d='M1,2L2,2'/><text x='1'>M1,2C1.5,2,1.5,2,2,2</text>", SvgPaths.shorten(svg));
  }
}
