package org.allocsim.hunt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RunSpec;
import org.allocsim.scenarios.random.RandomWorld;
import org.allocsim.world.AllocSource;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/**
 * Removes one map from an object with everything that names it: steps that read, write or allocate through it,
 * kptr_allocator attributes that point at it, programs left without steps, and timeline actions on it.
 */
final class MapRemoval {
  private MapRemoval() {}

  static RandomWorld remove(RandomWorld w, String objectName, String mapName) {
    ObjectSpec o = w.objects().get(objectName);
    List<MapSpec> maps = new ArrayList<>();
    for (MapSpec m : o.maps()) {
      if (m.name().equals(mapName)) {
        continue;
      }
      maps.add(mapName.equals(m.kptrAllocator()) ? m.withKptrAllocator(null) : m);
    }
    List<ProgramSpec> programs = new ArrayList<>();
    List<RandomWorld.Run> runs = new ArrayList<>(w.runs());
    for (ProgramSpec p : o.programs()) {
      List<StepSpec> ops = new ArrayList<>();
      for (int s = p.steps().size() - 1; s >= 0; s--) {
        StepSpec op = p.steps().get(s);
        if (names(op, mapName)) {
          runs = Minimiser.Edits.renumber(runs, p.name(), s);
        } else {
          ops.add(0, op);
        }
      }
      if (ops.isEmpty()) {
        String gone = p.name();
        runs.removeIf(r -> r.program().equals(gone));
      } else {
        programs.add(new ProgramSpec(p.name(), p.context(), p.sleepable(), ops));
      }
    }
    RandomWorld changed = Minimiser.Edits.replace(w, objectName, new ObjectSpec(o.name(), o.types(), maps, programs));
    Set<String> instances = new HashSet<>();
    for (RunSpec.TimedAction a : changed.timeline()) {
      if (a.action() instanceof ControlAction.LoadObject l && l.spec().name().equals(o.name())) {
        instances.add(l.instance());
      }
    }
    List<RunSpec.TimedAction> timeline = changed.timeline().stream()
        .filter(a -> !mentions(a.action(), instances, mapName)).toList();
    return changed.withTimeline(timeline).withRuns(runs);
  }

  private static boolean names(StepSpec op, String map) {
    return (op.from() != null && op.from().map().equals(map)) || (op.to() != null && op.to().map().equals(map))
        || (op.source() != null && op.source().kind() != AllocSource.Kind.DEFAULT && op.source().map().equals(map));
  }

  private static boolean mentions(ControlAction action, Set<String> instances, String map) {
    List<MapRef> refs = new ArrayList<>();
    if (action instanceof ControlAction.Pin a) {
      refs.add(a.map());
    } else if (action instanceof ControlAction.UpdateElement a) {
      refs.add(a.map());
    } else if (action instanceof ControlAction.DeleteElement a) {
      refs.add(a.map());
    } else if (action instanceof ControlAction.InsertInner a) {
      refs.add(a.outer());
    } else if (action instanceof ControlAction.DeleteInner a) {
      refs.add(a.outer());
    }
    for (MapRef r : refs) {
      if (r.pin() == null && instances.contains(r.object()) && r.map().equals(map)) {
        return true;
      }
    }
    return false;
  }
}
