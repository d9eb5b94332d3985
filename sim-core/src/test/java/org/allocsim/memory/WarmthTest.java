package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warmth definition of {@link BpfMemAlloc}: same CPU, straight from free_llist, within the traffic window. */
class WarmthTest {
  private static final int OBJ_64 = 48;
  private static final int OBJ_4096 = 4088;

  private final ManualTimers timers = new ManualTimers();
  private Slab slab;
  private BpfMemAlloc ma;
  private BpfMemAlloc traffic;

  @BeforeEach
  void setUp() {
    slab = new Slab(MemoryParams.defaults(2), timers);
    ma = slab.create(1, "global", 0);
    traffic = slab.create(2, "traffic", 0);
  }

  @Test
  void freeThenAllocOnTheSameCpuIsWarm() {
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    assertEquals(1, slab.coldAllocs(), "a prefill object is cold");
    ma.free(a, 0, FreePath.DIRECT);
    int b = ma.alloc(0, OBJ_64, ExecContext.TASK);
    assertEquals(a, b, "free_llist is LIFO");
    assertEquals(1, slab.warmAllocs());
    assertEquals(1, slab.coldAllocs());
  }

  @Test
  void allocOnAnotherCpuIsCold() {
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(a, 0, FreePath.DIRECT);
    int b = ma.alloc(1, OBJ_64, ExecContext.TASK);
    assertNotEquals(a, b, "CPU 1 pops its own free list");
    assertEquals(0, slab.warmAllocs());
    assertEquals(2, slab.coldAllocs());
  }

  @Test
  void warmthFollowsTheFreeingCpuNotTheAllocatingOne() {
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(a, 1, FreePath.DIRECT); // the kernel frees into the current CPU's cache
    assertEquals(a, ma.alloc(1, OBJ_64, ExecContext.TASK));
    assertEquals(1, slab.warmAllocs(), "last freed on CPU 1, allocated on CPU 1");
    assertEquals(1, slab.objects().allocCpu(a));
  }

  @Test
  void justUnderTheTrafficWindowIsWarm() {
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(a, 0, FreePath.DIRECT);
    allocTraffic(0, 255); // 255 * 4096 = 1,044,480 < 1 MiB
    long warm = slab.warmAllocs();
    assertEquals(a, ma.alloc(0, OBJ_64, ExecContext.TASK));
    assertEquals(warm + 1, slab.warmAllocs());
  }

  @Test
  void aFullWindowOfTrafficMakesItCold() {
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(a, 0, FreePath.DIRECT);
    allocTraffic(0, 256); // exactly 1 MiB: not "less than"
    long warm = slab.warmAllocs();
    long cold = slab.coldAllocs();
    assertEquals(a, ma.alloc(0, OBJ_64, ExecContext.TASK));
    assertEquals(warm, slab.warmAllocs());
    assertEquals(cold + 1, slab.coldAllocs());
  }

  @Test
  void trafficOnAnotherCpuDoesNotCool() {
    int a = ma.alloc(0, OBJ_64, ExecContext.TASK);
    ma.free(a, 0, FreePath.DIRECT);
    allocTraffic(1, 1000);
    long warm = slab.warmAllocs();
    assertEquals(a, ma.alloc(0, OBJ_64, ExecContext.TASK));
    assertEquals(warm + 1, slab.warmAllocs());
  }

  @Test
  void failedAllocsAreNeitherWarmNorCold() {
    for (int i = 0; i < 4; i++) {
      ma.alloc(0, OBJ_64, ExecContext.NMI);
    }
    ma.alloc(0, OBJ_64, ExecContext.NMI);
    assertEquals(4, slab.coldAllocs() + slab.warmAllocs());
    assertEquals(1, slab.failedAllocs());
    assertEquals(4L * 64, slab.cpuTraffic(0));
  }

  private void allocTraffic(int cpu, int count) {
    for (int i = 0; i < count; i++) {
      assertNotEquals(-1, traffic.alloc(cpu, OBJ_4096, ExecContext.TASK));
    }
  }
}
