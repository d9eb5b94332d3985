package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allocsim.memory.ExecContext;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.RegisterShape;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/** A leaking step in C: the release of what it keeps is left out, every other release stays. */
class LeakEmissionTest {
  private static final RegisterShape LEAK = new RegisterShape(RegisterShape.Lock.HELD, null, true, true, null,
      null);

  private static String source(StepSpec step) {
    ObjectSpec o = new ObjectSpec("o.bpf.o", Map.of("val", 24),
        List.of(MapSpec.of("M", MapType.ARRAY, 4, new KptrField("f", "val"))),
        List.of(ProgramSpec.of("P", ExecContext.TASK, step)));
    return CSource.of(o, new CNames(o, Map.of(), Set.of()), "test");
  }

  @Test
  void theKeptReferenceIsNotReleasedAndTheOthersAre() {
    String store = source(StepSpec.allocStore("val", AllocSource.DEFAULT, "M", "f").withShape(LEAK));
    assertTrue(store.contains("if (old) { COUNT(P, 0, REPLACED); /* leak: bpf_obj_drop_impl(old, 0); left out */ }"),
        store);
    assertTrue(store.contains("bpf_obj_drop_impl(n, 0); return 0; }"), "the lookup-failure path still drops: " + store);
    String drop = source(StepSpec.allocDrop("val", AllocSource.DEFAULT).withShape(LEAK));
    assertTrue(drop.contains("/* leak: bpf_obj_drop_impl(n, 0); left out */"), drop);
    String plain = source(StepSpec.allocDrop("val", AllocSource.DEFAULT));
    assertFalse(plain.contains("leak"), plain);
  }

  @Test
  void onlyLeaksOfTranslatedStepsAreExpressible() {
    assertTrue(LeakEmission.translates(StepSpec.takeDrop("M", "f").withShape(LEAK)));
    assertTrue(LeakEmission.translates(StepSpec.takeDrop("M", "f")));
    StepSpec removeDrop = new StepSpec(StepKind.REMOVE_DROP, null, null, null, null,
        new StepSpec.RootSpec("M", "r", null), null);
    assertTrue(LeakEmission.translates(removeDrop), "plain shapes pass; Expressible refuses the kind itself");
    assertFalse(LeakEmission.translates(removeDrop.withShape(LEAK)));
  }

  @Test
  void theConformanceLeakScenariosAreExpressible() {
    for (String f : List.of("c39-llf-obj-new-acq.yaml", "c40-mkf-kptr-xchg-ref-state.yaml",
        "c41-mkf-kptr-xchg-ref-state-local.yaml")) {
      assertEquals(Optional.empty(), Expressible.reason(new ScenarioReader().read(
          Path.of("..", "scenarios", "conformance", f), Parameters.EMPTY)), f);
    }
  }
}
