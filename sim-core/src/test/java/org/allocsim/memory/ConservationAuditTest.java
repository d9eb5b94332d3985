package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.allocsim.oracle.ConservationAudit;
import org.allocsim.oracle.SafetyOracle;
import org.allocsim.oracle.ViolationKind;
import org.junit.jupiter.api.Test;

/**
 * No strategy can break conservation through the strategy interface (the kernel keeps the books), so the audit is
 * tested by corrupting the object table behind the allocator's back.
 */
class ConservationAuditTest {

  @Test
  void aConsistentAllocatorPassesAndACorruptedTableIsCaught() {
    ManualTimers timers = new ManualTimers();
    Slab slab = new Slab(MemoryParams.defaults(2), timers);
    BpfMemAlloc a = slab.create(0, "ma", 0);
    int obj = a.alloc(0, 48, ExecContext.TASK);
    SafetyOracle oracle = new SafetyOracle();
    ConservationAudit.check(List.of(a), 0, "check", oracle);
    ConservationAudit.recount(slab.objects(), List.of(a), 0, oracle);
    assertEquals(0, oracle.total());

    slab.objects().setState(obj, ObjectTable.CACHED); // a live object silently marked free
    ConservationAudit.recount(slab.objects(), List.of(a), 0, oracle);
    // its bytes left the live count, and its record says listed while no list holds it
    assertEquals(2, oracle.count(ViolationKind.CONSERVATION));
    assertTrue(oracle.violations().get(0).detail().contains("object table has live 0"),
        oracle.violations().get(0).detail());
    assertTrue(oracle.violations().get(1).detail().contains("objects on lists, the lists hold"),
        oracle.violations().get(1).detail());
  }

  @Test
  void anObjectLostFromItsListIsCaught() {
    Slab slab = new Slab(MemoryParams.defaults(2), new ManualTimers());
    BpfMemAlloc a = slab.create(0, "ma", 0);
    int obj = a.alloc(0, 48, ExecContext.TASK);
    a.free(obj, 0, FreePath.DIRECT);
    assertEquals(ObjectTable.CACHED, slab.objects().state(obj));
    assertEquals(obj, a.caches().free.pop(a.caches().index(0, 2))); // off free_llist, the counters unchanged
    SafetyOracle oracle = new SafetyOracle();
    ConservationAudit.recount(slab.objects(), List.of(a), 0, oracle);
    assertEquals(2, oracle.count(ViolationKind.CONSERVATION), () -> oracle.violations().toString());
    assertTrue(oracle.violations().get(0).detail().contains("cached " + (a.cachedBytes() - 64)),
        oracle.violations().get(0).detail());
  }
}
