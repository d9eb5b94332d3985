package org.allocsim.memory;

import static org.allocsim.memory.MemoryChecks.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bpf_mem_free(B, p) of an object A served: p is reusable in B, but B's cache keeps A's cache as c->tgt (from p's
 * header), so what B later trims goes to A, and to a destroyed A is a use-after-free (issue 14; S19).
 */
class CrossAllocatorFreeTest {
  private static final int OBJ_64 = 48;
  private final ManualTimers timers = new ManualTimers();

  @Test
  void whatTheOtherAllocatorTrimsGoesBackThroughTheOwnersCache() {
    Slab slab = new Slab(MemoryParams.defaults(1).withFreePath(FreePath.DIRECT), timers);
    BpfMemAlloc a = slab.create(0, "A", 0);
    BpfMemAlloc b = slab.create(1, "B", 0);
    timers.advance(1_000_000);
    int obj = a.alloc(0, OBJ_64, ExecContext.TASK);
    b.freeForeign(obj, 0, a);
    assertEquals(ObjectTable.CACHED, slab.objects().state(obj));
    long trimmed = b.drainFreeLists(); // free_bulk() of every B cache: the 64-byte one's c->tgt is A's
    assertTrue(trimmed > 0);
    assertTrue(a.waitingBytes() > 0, "A waits for the tasks-trace GP of what B trimmed");
    assertEquals(trimmed, a.waitingBytes() + b.waitingBytes());
    assertEquals(ObjectTable.WAITING_TASKS_TRACE, slab.objects().state(obj));
    assertEquals(a.id(), slab.objects().allocator(obj), "back in the owner's lists");
    assertConsistent(slab, List.of(a, b));
    timers.advance(100_000_000);
    assertEquals(0, a.waitingBytes());
    assertConsistent(slab, List.of(a, b));
    assertEquals(0, slab.lateFreesIntoDestroyed());
  }

  @Test
  void aTrimTowardsADestroyedOwnerIsALateFreeIntoFreedMemory() {
    Slab slab = new Slab(MemoryParams.defaults(1).withFreePath(FreePath.DIRECT), timers);
    BpfMemAlloc a = slab.create(0, "A", 0);
    BpfMemAlloc b = slab.create(1, "B", 0);
    int obj = a.alloc(0, OBJ_64, ExecContext.TASK);
    b.freeForeign(obj, 0, a);
    a.destroy();
    b.drainFreeLists();
    assertEquals(1, slab.lateFreesIntoDestroyed());
    assertConsistent(slab, List.of(a, b));
  }

  @Test
  void theRcuPathSendsTheWaitingObjectsToTheOwnerAfterTheGracePeriod() {
    Slab slab = new Slab(MemoryParams.defaults(1), timers);
    BpfMemAlloc a = slab.create(0, "A", 0);
    BpfMemAlloc b = slab.create(1, "B", 0);
    int obj = a.alloc(0, OBJ_64, ExecContext.TASK);
    b.freeForeign(obj, 0, a); // bpf_mem_free_rcu: free_by_rcu of B; __free_by_rcu reads c->tgt = A's cache
    assertEquals(ObjectTable.WAITING_RCU, slab.objects().state(obj));
    timers.advance(2_000 + 10_000_000);
    assertEquals(a.id(), slab.objects().allocator(obj));
    assertConsistent(slab, List.of(a, b));
  }
}
