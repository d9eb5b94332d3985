package org.allocsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.metrics.RunSummary;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  @Test
  void bytesPrintWithThreeSignificantDigits() {
    assertEquals("512", SummaryTable.bytes(512));
    assertEquals("10.6K", SummaryTable.bytes(10_816));
    assertEquals("116K", SummaryTable.bytes(118_784));
    assertEquals("3.20M", SummaryTable.bytes(3_355_443));
  }

  @Test
  void aFigureNeverPrintsAsAThousandOfAUnit() {
    // Issue 16: "1.00M" beside "1015K" in one row of cilium-regeneration.
    assertEquals("0.99M", SummaryTable.bytes(1_039_616));
    assertEquals("0.98K", SummaryTable.bytes(1_000));
    assertEquals("999", SummaryTable.bytes(999));
    assertEquals("1.00M", SummaryTable.bytes(1L << 20));
  }

  @Test
  void idleIsAShareOfTheRecords() {
    assertEquals("67%", SummaryTable.share(2_124_074, 3_185_953));
    assertEquals("<1%", SummaryTable.share(3_747, 3_185_953));
    assertEquals("0%", SummaryTable.share(0, 10));
    assertEquals("-", SummaryTable.share(0, 0));
  }

  @Test
  void theTableFitsSeventyTwoColumnsWithTheLongestStrategyName() {
    RunSummary s = new RunSummary(12, 3, 1234, 99_999, 0, 1L << 40, 1L << 30, 123_456, 0.876, 1_000_000, 10, 4);
    RunResult r = new RunResult("x", "per-field-dissolving", 1, 0, s, new MetricSeries(), List.of(), List.of(),
        Map.of(), List.of());
    String table = SummaryTable.render(List.of(r));
    for (String line : table.split("\n")) {
      assertTrue(line.length() <= 72, line.length() + ": " + line);
    }
    assertTrue(table.contains("per-field-dissolving  12   3 1234  99999   40%  1.00T  1.00G   121K  88%"), table);
    for (String line : SummaryTable.LEGEND.split("\n")) {
      assertTrue(line.length() <= 72, line);
    }
  }
}
