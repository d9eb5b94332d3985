package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Which library scenarios the kernel check can express. */
class ExpressibleTest {
  private static Optional<String> reason(String file) {
    return Expressible.reason(new ScenarioReader().read(Path.of("..", "scenarios", "library", file),
        Parameters.EMPTY));
  }

  @Test
  void nmiProgramsHeldObjectsAndUserCreatedMapsAreNotExpressible() {
    assertTrue(reason("s15-nmi-burst.yaml").orElseThrow().contains("nmi context"));
    assertTrue(reason("s03-race2-unload-walk.yaml").orElseThrow().contains("take_hold"));
    assertTrue(reason("s04-inner-map-template.yaml").orElseThrow().contains("create_map"));
    assertEquals(Optional.empty(), reason("s07-load-order.yaml"));
    assertEquals(Optional.empty(), reason("s20-local-into-kernel-kptr.yaml"));
    assertTrue(reason("k05-task-storage-tracer.yaml").orElseThrow().contains("task storage keyed by pid"));
  }
}
