package org.allocsim.conformance;

import java.util.Optional;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.TypeTraits;

/** What of the graph, refcount and percpu kinds the kernel check cannot write as C (CGraphStep), and why. */
final class GraphExpressible {
  private GraphExpressible() {}

  /** Empty when every graph struct, root and step of the object can be written, else the reason. */
  static Optional<String> reason(ObjectSpec o) {
    for (TypeTraits t : o.graph().types().values()) {
      Integer size = o.types().get(t.name());
      if (size != null && size < t.specialBytes()) {
        return Optional.of("struct " + t.name() + " of " + size + " bytes cannot hold its special fields ("
            + t.specialBytes() + " bytes in the kernel's layout)");
      }
    }
    for (MapSpec m : o.maps()) {
      if (!o.graph().roots(m.name()).isEmpty() && (m.type().isPercpu() || m.type().isLocalStorage())) {
        return Optional.of("map " + m.name() + " is a " + m.type().label() + " map with graph roots: the kernel "
            + "refuses the map, and with it the whole object, where the model refuses the programs using its roots");
      }
      if (o.graph().unlockedMaps().contains(m.name())) {
        return Optional.of("map " + m.name() + " has roots and no bpf_spin_lock: the kernel refuses the map, and "
            + "with it the whole object, where the model refuses the programs using its roots");
      }
    }
    for (ProgramSpec p : o.programs()) {
      for (StepSpec s : p.steps()) {
        for (StepSpec.RootSpec r : new StepSpec.RootSpec[] {s.root(), s.acquireRoot()}) {
          if (r != null && r.inner() != null) {
            return Optional.of("program " + p.name() + " works on the root " + r + " inside a node (pop, work "
                + "under the node's lock, push back), which the kernel translation does not write yet");
          }
          if (r != null && root(o, r) == null) {
            return Optional.of("program " + p.name() + " names a root " + r + " its map does not declare");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static GraphRoot root(ObjectSpec o, StepSpec.RootSpec r) {
    return o.graph().roots(r.map()).stream().filter(g -> g.name().equals(r.root())).findFirst().orElse(null);
  }
}
