package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/kernel-allocator.md: watermarks, batch, trim target and prefill of memalloc.c. */
class CacheLimitsTest {

  @ParameterizedTest(name = "unit {0}: low {1} high {2} batch {3} trim {4}")
  @CsvSource({
      "16, 32, 96, 48, 64", "32, 32, 96, 48, 64", "64, 32, 96, 48, 64", "96, 32, 96, 48, 64",
      "128, 32, 96, 48, 64", "192, 32, 96, 48, 64", "256, 32, 96, 48, 64",
      "512, 16, 48, 24, 32",
      "1024, 8, 24, 12, 16",
      "2048, 4, 12, 6, 8",
      "4096, 2, 6, 3, 4",
      // beyond the size==0 buckets (fixed-size allocators): memalloc.c "8k allocs and above low == 1, high == 3,
      // batch == 1"
      "8192, 1, 3, 1, 2", "65536, 1, 3, 1, 2",
      // non-power-of-two fixed unit: divisions truncate before the *3
      "264, 31, 93, 45, 62"
  })
  void kernelTable(int unit, int low, int high, int batch, int trim) {
    CacheLimits l = CacheLimits.forUnit(unit);
    assertEquals(new CacheLimits(low, high, batch), l);
    assertEquals(trim, l.trimTarget());
  }

  @Test
  void prefillIsFourForSmallUnitsAndOneOtherwise() {
    assertEquals(4, CacheLimits.prefillCount(16));
    assertEquals(4, CacheLimits.prefillCount(256));
    assertEquals(1, CacheLimits.prefillCount(264));
    assertEquals(1, CacheLimits.prefillCount(512));
    assertEquals(1, CacheLimits.prefillCount(4096));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> CacheLimits.forUnit(0));
    assertThrows(IllegalArgumentException.class, () -> new CacheLimits(0, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> new CacheLimits(3, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> new CacheLimits(1, 3, 0));
  }
}
