package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectTableTest {

  @Test
  void slotsGrowAcrossChunksAndKeepTheirFields() {
    ObjectTable t = new ObjectTable();
    int n = 70_000; // more than one chunk of 65536
    int[] units = {16, 64, 4096, 72, 136};
    for (int i = 0; i < n; i++) {
      int allocator = i % 5 + (i % 2 == 0 ? 0 : ObjectTable.MAX_ALLOCATORS - 8);
      assertEquals(i, t.acquire(allocator, units[i % 5], 0, ObjectTable.CACHED));
      t.markAllocated(i, i % 7 + (i % 3 == 0 ? MemoryParams.MAX_CPUS - 8 : 0));
      t.setNext(i, i); // a link written while live would clobber the cache: only lists write it, but try
      t.markAllocated(i, i % 7 + (i % 3 == 0 ? MemoryParams.MAX_CPUS - 8 : 0));
    }
    assertEquals(n, t.capacity());
    for (int i = 0; i < n; i++) {
      assertEquals(i % 5 + (i % 2 == 0 ? 0 : ObjectTable.MAX_ALLOCATORS - 8), t.allocator(i));
      assertEquals(units[i % 5], t.unitBytes(i), "class units and fixed units");
      assertEquals(ObjectTable.LIVE, t.state(i));
      assertEquals(i % 7 + (i % 3 == 0 ? MemoryParams.MAX_CPUS - 8 : 0), t.allocCpu(i));
      assertEquals(-1, t.lastFreeCpu(i));
    }
    assertThrows(IndexOutOfBoundsException.class, () -> t.state(n));
    assertThrows(IndexOutOfBoundsException.class, () -> t.state(-1));
    assertThrows(IllegalStateException.class, () -> t.acquire(ObjectTable.MAX_ALLOCATORS, 64, 0,
        ObjectTable.CACHED));
  }

  @Test
  void fieldsStayApartWhenEachIsRewritten() {
    ObjectTable t = new ObjectTable();
    int o = t.acquire(ObjectTable.MAX_ALLOCATORS - 1, 72, 0, ObjectTable.CACHED);
    t.setNext(o, -1);
    assertEquals(-1, t.next(o));
    assertTrue(t.isListed(o));
    t.setNext(o, Integer.MAX_VALUE);
    t.markAllocated(o, 2);
    assertTrue(t.isLive(o));
    t.setNext(o, Integer.MAX_VALUE);
    t.setState(o, ObjectTable.WAITING_TASKS_TRACE);
    assertEquals(Integer.MAX_VALUE, t.next(o));
    assertTrue(t.isListed(o), "every list state is stored as listed");
    assertEquals(ObjectTable.MAX_ALLOCATORS - 1, t.allocator(o));
    assertEquals(72, t.unitBytes(o));
    t.setAllocator(o, 3);
    assertEquals(3, t.allocator(o));
    assertEquals(72, t.unitBytes(o), "a fixed unit follows the object into the allocator it moves to");
    assertEquals(Integer.MAX_VALUE, t.next(o));
    assertTrue(t.isListed(o));
    t.recordFree(o, 5, -1L, true);
    assertEquals(5, t.lastFreeCpu(o));
    assertEquals(3, t.allocator(o), "the stamp does not touch the header word");
  }

  @Test
  void heapIsSixteenBytesPerSlot() {
    ObjectTable t = new ObjectTable();
    for (int i = 0; i < 3000; i++) {
      t.acquire(0, 16, 0, ObjectTable.CACHED);
    }
    assertEquals(65536L * 16 + 8 * 4, t.heapBytes());
  }

  @Test
  void releasedSlotsAreRecycledLifoWithFreshFields() {
    ObjectTable t = new ObjectTable();
    int a = t.acquire(1, 64, 0, ObjectTable.CACHED);
    int b = t.acquire(1, 64, 0, ObjectTable.CACHED);
    t.markAllocated(a, 3);
    t.recordFree(a, 2, 0, true);
    t.release(a);
    t.release(b);
    assertEquals(ObjectTable.NONE, t.state(a));
    assertEquals(b, t.acquire(4, 128, 1, ObjectTable.CACHED));
    int again = t.acquire(4, 128, 1, ObjectTable.CACHED);
    assertEquals(a, again);
    assertEquals(4, t.allocator(again));
    assertEquals(128, t.unitBytes(again));
    assertEquals(-1, t.lastFreeCpu(again), "a new kmalloc was never freed");
    assertTrue(t.isListed(again), "a new kmalloc lands on a free list");
    assertFalse(t.isLive(again));
    assertEquals(2, t.capacity());
  }

  @Test
  void freeStampPacksCpuAndTrafficWindow() {
    ObjectTable t = new ObjectTable();
    int o = t.acquire(0, 64, 0, ObjectTable.CACHED);
    t.recordFree(o, MemoryParams.MAX_CPUS - 1, (1L << 47) - 10, true);
    assertEquals(MemoryParams.MAX_CPUS - 1, t.lastFreeCpu(o));
    // the traffic counter wraps modulo 2^47 between free and alloc: 19 bytes later is still inside the window
    assertTrue(t.isWarm(o, MemoryParams.MAX_CPUS - 1, (1L << 47) + 9, 20));
    assertFalse(t.isWarm(o, MemoryParams.MAX_CPUS - 1, (1L << 47) + 10, 20));
    assertFalse(t.isWarm(o, 0, (1L << 47) - 10, 20), "other CPU");
    t.clearWarm(o);
    assertFalse(t.isWarm(o, MemoryParams.MAX_CPUS - 1, (1L << 47) - 10, 20));
    assertEquals(MemoryParams.MAX_CPUS - 1, t.lastFreeCpu(o), "clearing warmth keeps the last free CPU");
  }
}
