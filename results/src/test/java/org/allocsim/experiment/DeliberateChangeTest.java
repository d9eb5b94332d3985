package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Strategies;
import org.allocsim.world.BpfMap;
import org.allocsim.world.Operation;
import org.allocsim.world.Program;
import org.junit.jupiter.api.Test;

/**
 * A deliberate change to one strategy rule, made here and not in the product: static-per-map stops refusing
 * objects from other allocators. check must fail with rows that name that strategy, the scenarios whose verdicts
 * it moves, and the numbers.
 */
class DeliberateChangeTest {

  @Test
  void aChangedRuleShowsUpAsAPreciseDiff() throws IOException {
    Strategies installed = Strategies.installed();
    Strategies changed = installed.replacing("static-per-map",
        () -> new AcceptEverything(installed.create("static-per-map")));
    List<Regressions.Row> rows = new ArrayList<>();
    for (LibraryRuns.Outcome o : LibraryRuns.run(LibraryRegressionTest.library(), changed,
        List.of("global", "static-per-map"), 2)) {
      rows.addAll(Regressions.of(o));
    }
    assertFalse(rows.isEmpty());
    // The untouched design beside it does not move.
    assertTrue(rows.stream().allMatch(r -> r.strategy().equals("static-per-map")), rows.toString());
    // S7's file: design 3 refused P1 and P2; with the rule gone it refuses nothing.
    assertTrue(rows.contains(new Regressions.Row("s07-load-order", "static-per-map", "loads_rejected", "2", "0",
        "exact")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.scenario().equals("sched-ext-flatcg")
        && r.metric().equals("rejected")), rows.toString());
    // Scenarios where design 3 refused nothing do not move.
    assertTrue(rows.stream().noneMatch(r -> r.scenario().equals("sched-ext-layered")), rows.toString());
  }

  /** Delegates everything to the real design except the verdict: every load is accepted. */
  private record AcceptEverything(LifetimeStrategy real) implements LifetimeStrategy {
    @Override
    public String name() {
      return real.name();
    }

    @Override
    public String rule() {
      return real.rule();
    }

    @Override
    public String source() {
      return real.source();
    }

    @Override
    public void attach(StrategyContext context) {
      real.attach(context);
    }

    @Override
    public LoadVerdict verify(Program program) {
      return LoadVerdict.ACCEPT;
    }

    @Override
    public LoadVerdict verifyInnerMapInsert(BpfMap outer, BpfMap inner) {
      return LoadVerdict.ACCEPT;
    }

    @Override
    public void onLoad(Program program) {
      real.onLoad(program);
    }

    @Override
    public int allocatorFor(Program program, Operation operation) {
      return real.allocatorFor(program, operation);
    }

    @Override
    public boolean takeReturnsObject(Program program, Operation operation) {
      return real.takeReturnsObject(program, operation);
    }

    @Override
    public void onAlloc(int object, int allocator, int cpu) {
      real.onAlloc(object, allocator, cpu);
    }

    @Override
    public void onFree(int object, int allocator, int cpu) {
      real.onFree(object, allocator, cpu);
    }

    @Override
    public void onStore(Program p, Operation op, int object, BpfMap map, long slot) {
      real.onStore(p, op, object, map, slot);
    }

    @Override
    public void onTake(Program p, Operation op, int object, BpfMap map, long slot) {
      real.onTake(p, op, object, map, slot);
    }

    @Override
    public int freeTarget(int object, int headerAllocator, BpfMap map, int field) {
      return real.freeTarget(object, headerAllocator, map, field);
    }

    @Override
    public void onUnload(Program program) {
      real.onUnload(program);
    }

    @Override
    public void onProgramFreed(Program program) {
      real.onProgramFreed(program);
    }

    @Override
    public void onMapsCreated(List<BpfMap> created, Map<String, BpfMap> objectMaps) {
      real.onMapsCreated(created, objectMaps);
    }

    @Override
    public int elementAllocator(BpfMap map, Map<String, BpfMap> objectMaps) {
      return real.elementAllocator(map, objectMaps);
    }

    @Override
    public int allocatorMapAllocator(BpfMap allocatorMap) {
      return real.allocatorMapAllocator(allocatorMap);
    }

    @Override
    public void onInnerMapInsert(BpfMap outer, long key, BpfMap inner) {
      real.onInnerMapInsert(outer, key, inner);
    }

    @Override
    public void onInnerMapDelete(BpfMap outer, long key, BpfMap inner) {
      real.onInnerMapDelete(outer, key, inner);
    }

    @Override
    public void onMapFree(BpfMap map) {
      real.onMapFree(map);
    }

    @Override
    public void onBtfFree(BtfObject btf) {
      real.onBtfFree(btf);
    }

    @Override
    public void checkInvariants(InvariantSink sink) {
      real.checkInvariants(sink);
    }
  }
}
