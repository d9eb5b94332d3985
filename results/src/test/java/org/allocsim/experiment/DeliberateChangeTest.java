package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allocsim.memory.AllocatorRef;
import org.allocsim.strategy.Design;
import org.allocsim.strategy.LifecycleEvent;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.LoadVerdict;
import org.allocsim.strategy.MapAllocator;
import org.allocsim.strategy.StrategyContext;
import org.allocsim.strategy.Strategies;
import org.allocsim.strategy.Verification;
import org.allocsim.world.MapView;
import org.allocsim.world.Step;
import org.allocsim.world.ProgramView;
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

  /**
   * Delegates everything to the real design except the verdict: every load is accepted. Forwarding the whole
   * interface takes its few methods; an event added later reaches the real design through on().
   */
  @Design(name = "static-per-map", rule = "test: design 3 without its verifier rule", source = "test")
  private record AcceptEverything(LifetimeStrategy real) implements LifetimeStrategy {
    @Override
    public void attach(StrategyContext context) {
      real.attach(context);
    }

    @Override
    public LoadVerdict verify(Verification question) {
      return LoadVerdict.ACCEPT;
    }

    @Override
    public AllocatorRef allocatorFor(ProgramView program, Step step) {
      return real.allocatorFor(program, step);
    }

    @Override
    public boolean takeReturnsObject(ProgramView program, Step step) {
      return real.takeReturnsObject(program, step);
    }

    @Override
    public AllocatorRef freeTarget(int object, AllocatorRef header, MapView map, int field) {
      return real.freeTarget(object, header, map, field);
    }

    @Override
    public AllocatorRef mapAllocator(MapView map, MapAllocator role, Map<String, ? extends MapView> objectMaps) {
      return real.mapAllocator(map, role, objectMaps);
    }

    @Override
    public void on(LifecycleEvent event) {
      real.on(event);
    }
  }
}
