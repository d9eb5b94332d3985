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
import org.allocsim.world.StepSpec;
import org.junit.jupiter.api.Test;

/** A step's pointer-level shape in C, in the selftests' own forms (linked_list_fail.c, map_kptr_fail.c). */
class PointerEmissionTest {
  private static String source(StepSpec step) {
    ObjectSpec o = new ObjectSpec("o.bpf.o", Map.of("val", 24),
        List.of(MapSpec.of("M", MapType.ARRAY, 4, new KptrField("f", "val"))),
        List.of(ProgramSpec.of("P", ExecContext.TASK, step)));
    return CSource.of(o, new CNames(o, Map.of(), Set.of()), "test");
  }

  private static StepSpec shaped(StepSpec s, RegisterShape.Offset offset, boolean read, boolean load, boolean store) {
    return s.withShape(s.shape().withPointer(offset, read, load, store));
  }

  private static StepSpec drop() {
    return StepSpec.allocDrop("val", AllocSource.DEFAULT);
  }

  @Test
  void eachKeyIsWrittenAsTheSelftestWritesIt() {
    assertTrue(source(shaped(drop(), RegisterShape.Offset.DROP, false, false, false))
        .contains("bpf_obj_drop_impl((void *)n + 1, 0);"));
    String after = source(shaped(drop(), null, true, false, false));
    assertTrue(after.indexOf("(void)*(volatile __u8 *)n;") > after.indexOf("bpf_obj_drop_impl(n, 0);"), after);
    String unchecked = source(drop().withShape(new RegisterShape(RegisterShape.Lock.HELD, null, false, false, null,
        null)));
    assertTrue(unchecked.indexOf("(void)*(volatile __u8 *)n;") < unchecked.indexOf("if (!n)"), unchecked);
    StepSpec move = StepSpec.move("M", "f", "M", "f");
    String both = source(shaped(move, null, false, true, true));
    assertTrue(both.contains("struct val *p = v->f; /* load: plain */"), both);
    assertTrue(both.contains("*(struct val * volatile *)&w->f = p; /* store: plain */"), both);
    assertFalse(both.contains("bpf_kptr_xchg"), both);
    assertFalse(source(drop()).contains("volatile"), "the plain shape reads nothing");
  }

  @Test
  void oneKeyOfATranslatedKindIsExpressible() {
    assertTrue(PointerEmission.translates(shaped(drop(), RegisterShape.Offset.DROP, false, false, false)));
    assertFalse(PointerEmission.translates(shaped(drop(), RegisterShape.Offset.DROP, true, false, false)),
        "two faults in one step are not written");
    assertFalse(PointerEmission.translates(shaped(StepSpec.allocStore("val", AllocSource.DEFAULT, "M", "f"), null,
        false, false, false)), "no pointer key: LeakEmission's plain case");
    assertTrue(PointerEmission.translates(shaped(StepSpec.move("M", "f", "M", "f"), null, false, true, true)));
  }

  @Test
  void theConformancePointerScenariosAreExpressible() {
    for (String f : List.of("c60-llf-obj-drop-non-zero-off.yaml", "c61-llf-use-after-drop.yaml",
        "c62-llf-new-null-ret.yaml", "c63-llf-incorrect-head-off.yaml", "c64-mkf-untrusted-xchg.yaml",
        "c65-mkf-untrusted-store-to-ref.yaml", "c66-rkf-lock-across-rcu.yaml")) {
      assertEquals(Optional.empty(), Expressible.reason(new ScenarioReader().read(
          Path.of("..", "scenarios", "conformance", f), Parameters.EMPTY)), f);
    }
  }
}
