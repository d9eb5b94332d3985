package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/kernel-allocator.md: bpf_mem_cache_idx(size + 8), every row and every boundary. */
class SizeClassesTest {

  @ParameterizedTest(name = "{0} bytes -> unit {1}")
  @CsvSource({
      // row boundaries of the table: first and last request size of each bucket
      "1, 16", "8, 16",
      "9, 32", "24, 32",
      "25, 64", "56, 64",
      "57, 96", "88, 96",
      "89, 128", "120, 128",
      "121, 192", "184, 192",
      "185, 256", "248, 256",
      "249, 512", "504, 512",
      "505, 1024", "1016, 1024",
      "1017, 2048", "2040, 2048",
      "2041, 4096", "4088, 4096",
      // a few interior points
      "48, 64", "100, 128", "200, 256", "3000, 4096"
  })
  void requestMapsToKernelBucket(int objectBytes, int unit) {
    int cls = SizeClasses.classOf(objectBytes);
    assertEquals(unit, SizeClasses.unitBytes(cls));
  }

  @ParameterizedTest(name = "{0} bytes -> no bucket")
  @CsvSource({"0", "-1", "4089", "4096", "100000", "-2147483648", "2147483647"})
  void outOfRangeRequestsHaveNoBucket(int objectBytes) {
    assertEquals(-1, SizeClasses.classOf(objectBytes));
  }

  @Test
  void classesAreInAscendingUnitOrder() {
    int[] expected = {16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096};
    assertEquals(expected.length, SizeClasses.COUNT);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], SizeClasses.unitBytes(i));
      assertEquals(i, SizeClasses.classOfUnit(expected[i]));
    }
    assertEquals(8, SizeClasses.HEADER_BYTES);
    assertEquals(4088, SizeClasses.MAX_OBJECT_BYTES);
  }

  @Test
  void everyRequestGetsTheSmallestBucketThatHoldsIt() {
    for (int size = 1; size <= SizeClasses.MAX_OBJECT_BYTES; size++) {
      int cls = SizeClasses.classOf(size);
      int unit = SizeClasses.unitBytes(cls);
      assertEquals(true, size + SizeClasses.HEADER_BYTES <= unit, "fits");
      if (cls > 0) {
        assertEquals(true, size + SizeClasses.HEADER_BYTES > SizeClasses.unitBytes(cls - 1), "smallest");
      }
    }
  }

  @Test
  void unitsThatAreNotBucketsHaveNoClass() {
    assertEquals(-1, SizeClasses.classOfUnit(8));
    assertEquals(-1, SizeClasses.classOfUnit(24));
    assertEquals(-1, SizeClasses.classOfUnit(100));
    assertEquals(-1, SizeClasses.classOfUnit(8192));
  }
}
