package org.allocsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The intervals against values computed by hand and with R's t.test. */
class EstimateTest {
  @Test
  void confidenceIntervalOfAKnownSample() {
    // R: t.test(1:5)$conf.int = 1.036757 4.963243; mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445
    Estimate e = Estimate.of(new double[] {1, 2, 3, 4, 5});
    assertEquals(5, e.n());
    assertEquals(3.0, e.mean(), 1e-12);
    assertEquals(Math.sqrt(2.5), e.sd(), 1e-12);
    assertEquals(1.036757, e.lower(), 1e-6);
    assertEquals(4.963243, e.upper(), 1e-6);
    assertEquals(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), e.halfWidth(), 1e-6);
  }

  @Test
  void pairedDifferencesOnSyntheticData() {
    // R: t.test(c(10,12,14), c(9,10,11), paired = TRUE)$conf.int = -0.4841377 4.4841377 (diffs 1, 2, 3)
    Estimate e = Estimate.paired(new double[] {10, 12, 14}, new double[] {9, 10, 11});
    assertEquals(2.0, e.mean(), 1e-12);
    assertEquals(1.0, e.sd(), 1e-12);
    assertEquals(-0.4841377, e.lower(), 1e-6);
    assertEquals(4.4841377, e.upper(), 1e-6);
  }

  @Test
  void pairingRemovesTheSharedNoise() {
    // b = a + 5 exactly: each sample is spread wide, but the paired difference is exactly -5 with no width.
    double[] a = {100, 250, 175, 400, 90};
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] + 5;
    }
    Estimate unpairedA = Estimate.of(a);
    Estimate d = Estimate.paired(a, b);
    assertTrue(unpairedA.halfWidth() > 100);
    assertEquals(-5.0, d.mean(), 1e-12);
    assertEquals(0.0, d.halfWidth(), 1e-12);
    assertTrue(d.upper() < 0, "the interval excludes 0");
  }

  @Test
  void oneValueHasNoSpread() {
    Estimate e = Estimate.of(new double[] {7});
    assertEquals(7.0, e.mean());
    assertTrue(Double.isNaN(e.sd()) && Double.isNaN(e.lower()) && Double.isNaN(e.halfWidth()));
  }

  @Test
  void pairsMustHaveEqualLengths() {
    assertThrows(IllegalArgumentException.class, () -> Estimate.paired(new double[2], new double[3]));
  }
}
