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
    assertEquals(1, oracle.count(ViolationKind.CONSERVATION));
    assertTrue(oracle.violations().get(0).detail().contains("object table has live 0"),
        oracle.violations().get(0).detail());
  }
}
