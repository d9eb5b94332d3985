package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A fixed-size allocator is charged the kmalloc bucket its unit lands in, not the 8-rounded unit (issue 14). */
class KmallocBucketTest {

  @Test
  void bucketsOfTheKernelsKmallocCaches() {
    assertEquals(96, SizeClasses.kmallocBucket(72));
    assertEquals(192, SizeClasses.kmallocBucket(136));
    assertEquals(512, SizeClasses.kmallocBucket(264));
    assertEquals(2048, SizeClasses.kmallocBucket(1040));
    assertEquals(8192, SizeClasses.kmallocBucket(4104));
  }

  @Test
  void aFixedSizeAllocatorIsChargedItsBucket() {
    int[][] cases = {{72, 96}, {136, 192}, {264, 512}};
    for (int[] c : cases) {
      Slab slab = new Slab(MemoryParams.defaults(1), new ManualTimers());
      BpfMemAlloc ma = slab.create(0, "htab.elem", c[0]);
      long prefill = ma.allocatedBytes();
      long objects = prefill / c[1];
      assertEquals(c[1], ma.fixedUnitBytes());
      assertEquals(objects * c[1], prefill, c[0] + "-byte unit");
      int obj = ma.alloc(0, c[0] - 8, ExecContext.TASK);
      assertEquals(c[1], ma.liveBytes(), c[0] + "-byte unit");
      assertEquals(c[1], slab.objects().unitBytes(obj));
    }
  }

  @Test
  void watermarksStillFollowTheUnitSize() {
    // 264 > 256: low = 32 * 256 / 264 = 31, where a 512-byte unit would give 16 (memalloc.c init_refill_thresholds)
    Slab slab = new Slab(MemoryParams.defaults(1), new ManualTimers());
    BpfMemAlloc ma = slab.create(0, "htab.elem", 264);
    assertEquals(CacheLimits.forUnit(264), ma.caches().limits(0));
  }

  @Test
  void theDefaultFreePathIsTodaysBpfMemFreeRcu() {
    assertEquals(FreePath.RCU, MemoryParams.defaults(1).freePath());
  }
}
