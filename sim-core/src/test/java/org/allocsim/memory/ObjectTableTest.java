package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectTableTest {

  @Test
  void slotsGrowByDoublingAndKeepTheirFields() {
    ObjectTable t = new ObjectTable();
    for (int i = 0; i < 5000; i++) {
      assertEquals(i, t.acquire(i % 3, 64, i % 7, ObjectTable.CACHED));
      t.setType(i, i * 2);
      t.setOwner(i, -i);
    }
    assertEquals(5000, t.capacity());
    for (int i = 0; i < 5000; i++) {
      assertEquals(i % 3, t.allocator(i));
      assertEquals(i % 7, t.allocCpu(i));
      assertEquals(i * 2, t.type(i));
      assertEquals(-i, t.owner(i));
      assertEquals(-1, t.lastFreeCpu(i));
      assertEquals(-1L, t.lastFreeTime(i));
    }
    assertThrows(IndexOutOfBoundsException.class, () -> t.state(5000));
    assertThrows(IndexOutOfBoundsException.class, () -> t.state(-1));
  }

  @Test
  void heapStaysWithinFortyBytesPerSlot() {
    ObjectTable t = new ObjectTable();
    for (int i = 0; i < 3000; i++) {
      t.acquire(0, 16, 0, ObjectTable.CACHED);
    }
    assertEquals(4096L * 39, t.heapBytes());
    assertTrue(t.heapBytes() / 4096 <= 40);
  }

  @Test
  void releasedSlotsAreRecycledLifoWithFreshFields() {
    ObjectTable t = new ObjectTable();
    int a = t.acquire(1, 64, 0, ObjectTable.CACHED);
    int b = t.acquire(1, 64, 0, ObjectTable.CACHED);
    t.markAllocated(a, 3);
    t.recordFree(a, 2, 77, 0, true);
    t.release(a);
    t.release(b);
    assertEquals(ObjectTable.NONE, t.state(a));
    assertEquals(b, t.acquire(4, 128, 1, ObjectTable.CACHED));
    int again = t.acquire(4, 128, 1, ObjectTable.CACHED);
    assertEquals(a, again);
    assertEquals(4, t.allocator(again));
    assertEquals(128, t.unitBytes(again));
    assertEquals(-1, t.lastFreeCpu(again), "a new kmalloc was never freed");
    assertEquals(-1, t.type(again));
    assertEquals(2, t.capacity());
  }

  @Test
  void freeStampPacksCpuAndTrafficWindow() {
    ObjectTable t = new ObjectTable();
    int o = t.acquire(0, 64, 0, ObjectTable.CACHED);
    t.recordFree(o, MemoryParams.MAX_CPUS - 1, 5, (1L << 47) - 10, true);
    assertEquals(MemoryParams.MAX_CPUS - 1, t.lastFreeCpu(o));
    assertEquals(5L, t.lastFreeTime(o));
    // the traffic counter wraps modulo 2^47 between free and alloc: 19 bytes later is still inside the window
    assertTrue(t.isWarm(o, MemoryParams.MAX_CPUS - 1, (1L << 47) + 9, 20));
    assertFalse(t.isWarm(o, MemoryParams.MAX_CPUS - 1, (1L << 47) + 10, 20));
    assertFalse(t.isWarm(o, 0, (1L << 47) - 10, 20), "other CPU");
    t.clearWarm(o);
    assertFalse(t.isWarm(o, MemoryParams.MAX_CPUS - 1, (1L << 47) - 10, 20));
    assertEquals(MemoryParams.MAX_CPUS - 1, t.lastFreeCpu(o), "clearing warmth keeps the last free CPU");
  }
}
