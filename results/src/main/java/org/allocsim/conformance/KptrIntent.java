package org.allocsim.conformance;

import java.util.stream.Collectors;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RunSpec;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;

/** The kptr fields a scenario means a map to have, for the check against the loaded map's BTF. */
final class KptrIntent {
  private KptrIntent() {}

  /** The fields of the map labelled {@code instance.map}, comma-separated. */
  static String of(ScenarioFile f, String label) {
    int dot = label.lastIndexOf('.');
    String instance = label.substring(0, dot);
    String map = label.substring(dot + 1);
    for (RunSpec.TimedAction ta : f.timeline()) {
      if (ta.action() instanceof ControlAction.LoadObject a && a.instance().equals(instance)) {
        MapSpec m = a.spec().map(map);
        if (m != null) {
          return m.valueSpec().fields().stream().map(KptrField::name).collect(Collectors.joining(","));
        }
      }
    }
    return Agreement.NONE;
  }
}
