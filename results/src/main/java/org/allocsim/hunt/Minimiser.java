package org.allocsim.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.allocsim.kernel.RunSpec;
import org.allocsim.scenarios.random.RandomWorld;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/**
 * Delta debugging over a world: removes chunks of timeline actions and records (halving the chunk size down to
 * one, as ddmin does), then objects, programs, steps and maps one at a time, and repeats until nothing more can go
 * while the predicate (the same kind of finding) still holds. The result is 1-minimal in each of those units.
 */
final class Minimiser {
  private final Predicate<RandomWorld> keeps;

  Minimiser(Predicate<RandomWorld> keeps) {
    this.keeps = keeps;
  }

  RandomWorld minimise(RandomWorld start) {
    RandomWorld w = start;
    boolean changed = true;
    while (changed) {
      RandomWorld before = w;
      w = chunks(w, true);
      w = chunks(w, false);
      w = firstThatKeeps(w, Edits.objectRemovals(w));
      w = firstThatKeeps(w, Edits.programRemovals(w));
      w = firstThatKeeps(w, Edits.stepRemovals(w));
      w = firstThatKeeps(w, Edits.mapRemovals(w));
      changed = !w.equals(before);
    }
    return w;
  }

  /** Removes runs of the timeline (or of the records) in chunks that shrink from half to one. */
  private RandomWorld chunks(RandomWorld w, boolean timeline) {
    int size = timeline ? w.timeline().size() : w.runs().size();
    for (int chunk = Math.max(1, size / 2); chunk >= 1; chunk /= 2) {
      for (int from = 0; from < (timeline ? w.timeline().size() : w.runs().size());) {
        RandomWorld candidate = timeline ? w.withTimeline(without(w.timeline(), from, chunk))
            : w.withRuns(without(w.runs(), from, chunk));
        if (keeps.test(candidate)) {
          w = candidate;
        } else {
          from += chunk;
        }
      }
      if (chunk == 1) {
        break;
      }
    }
    return w;
  }

  private RandomWorld firstThatKeeps(RandomWorld w, List<RandomWorld> candidates) {
    for (RandomWorld c : candidates) {
      if (keeps.test(c)) {
        return c; // the remaining candidates were built from the old world: the outer loop recomputes them
      }
    }
    return w;
  }

  private static <T> List<T> without(List<T> items, int from, int count) {
    List<T> out = new ArrayList<>(items.subList(0, from));
    out.addAll(items.subList(Math.min(items.size(), from + count), items.size()));
    return out;
  }

  /** The edits that remove one object, program, step or map, with whatever named it. */
  static final class Edits {
    private Edits() {}

    static List<RandomWorld> objectRemovals(RandomWorld w) {
      List<RandomWorld> out = new ArrayList<>();
      if (w.objects().size() < 2) {
        return out;
      }
      for (String name : w.objects().keySet()) {
        ObjectSpec gone = w.objects().get(name);
        Map<String, ObjectSpec> objects = new LinkedHashMap<>(w.objects());
        objects.remove(name);
        List<String> programs = gone.programs().stream().map(ProgramSpec::name).toList();
        List<RunSpec.TimedAction> timeline = w.timeline().stream()
            .filter(a -> !(a.action() instanceof org.allocsim.kernel.ControlAction.LoadObject l
                && l.spec().equals(gone)))
            .toList();
        out.add(w.withObjects(objects, timeline).withRuns(w.runs().stream()
            .filter(r -> !programs.contains(r.program())).toList()));
      }
      return out;
    }

    static List<RandomWorld> programRemovals(RandomWorld w) {
      List<RandomWorld> out = new ArrayList<>();
      for (Map.Entry<String, ObjectSpec> e : w.objects().entrySet()) {
        ObjectSpec o = e.getValue();
        for (ProgramSpec p : o.programs()) {
          List<ProgramSpec> programs = new ArrayList<>(o.programs());
          programs.remove(p);
          RandomWorld changed = replace(w, e.getKey(), new ObjectSpec(o.name(), o.types(), o.maps(), programs));
          out.add(changed.withRuns(changed.runs().stream().filter(r -> !r.program().equals(p.name())).toList()));
        }
      }
      return out;
    }

    static List<RandomWorld> stepRemovals(RandomWorld w) {
      List<RandomWorld> out = new ArrayList<>();
      for (Map.Entry<String, ObjectSpec> e : w.objects().entrySet()) {
        ObjectSpec o = e.getValue();
        for (int pi = 0; pi < o.programs().size(); pi++) {
          ProgramSpec p = o.programs().get(pi);
          for (int s = 0; s < p.steps().size() && p.steps().size() > 1; s++) {
            List<StepSpec> ops = new ArrayList<>(p.steps());
            ops.remove(s);
            List<ProgramSpec> programs = new ArrayList<>(o.programs());
            programs.set(pi, new ProgramSpec(p.name(), p.context(), p.sleepable(), ops));
            RandomWorld changed = replace(w, e.getKey(), new ObjectSpec(o.name(), o.types(), o.maps(), programs));
            out.add(changed.withRuns(renumber(changed.runs(), p.name(), s)));
          }
        }
      }
      return out;
    }

    static List<RandomWorld> mapRemovals(RandomWorld w) {
      List<RandomWorld> out = new ArrayList<>();
      for (Map.Entry<String, ObjectSpec> e : w.objects().entrySet()) {
        for (var m : e.getValue().maps()) {
          out.add(MapRemoval.remove(w, e.getKey(), m.name()));
        }
      }
      return out;
    }

    /** Records of program without step s; later steps move down one. */
    static List<RandomWorld.Run> renumber(List<RandomWorld.Run> runs, String program, int s) {
      List<RandomWorld.Run> out = new ArrayList<>();
      for (RandomWorld.Run r : runs) {
        if (!r.program().equals(program) || r.step() < s) {
          out.add(r);
        } else if (r.step() > s) {
          out.add(new RandomWorld.Run(r.timeNs(), r.cpu(), r.program(), r.step() - 1, r.key1(), r.key2()));
        }
      }
      return out;
    }

    /** The world with object name's spec replaced, in the objects and in every load of it. */
    static RandomWorld replace(RandomWorld w, String name, ObjectSpec spec) {
      ObjectSpec old = w.objects().get(name);
      Map<String, ObjectSpec> objects = new LinkedHashMap<>(w.objects());
      objects.put(name, spec);
      List<RunSpec.TimedAction> timeline = new ArrayList<>();
      for (RunSpec.TimedAction a : w.timeline()) {
        if (a.action() instanceof org.allocsim.kernel.ControlAction.LoadObject l && l.spec().equals(old)) {
          timeline.add(new RunSpec.TimedAction(a.timeNs(),
              new org.allocsim.kernel.ControlAction.LoadObject(l.process(), spec, l.instance())));
        } else {
          timeline.add(a);
        }
      }
      return w.withObjects(objects, timeline);
    }
  }
}
