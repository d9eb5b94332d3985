package org.allocsim.conformance;

import java.util.Optional;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RunSpec;
import org.allocsim.memory.ExecContext;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/** Whether the kernel check can express a scenario, and if not, why. */
final class Expressible {
  /** The steps the C translation writes on task storage. */
  private static final java.util.Set<StepKind> TASK_STORAGE_STEPS = java.util.EnumSet.of(StepKind.ALLOC_STORE,
      StepKind.TAKE_DROP, StepKind.MAP_DELETE);

  private Expressible() {}

  /** Empty when it can run, else the reason it cannot. */
  static Optional<String> reason(ScenarioFile f) {
    for (RunSpec.TimedAction ta : f.timeline()) {
      if (ta.action() instanceof ControlAction.FreeOwner a) {
        return Optional.of("free_owner: the death of a " + a.owner() + " that owns local storage");
      }
      if ((ta.action() instanceof ControlAction.UpdateElement u && storage(f, u.map()))
          || (ta.action() instanceof ControlAction.DeleteElement d && storage(f, d.map()))) {
        return Optional.of("a user-space update or delete of local storage: its key is a pidfd, which bpftool "
            + "cannot open");
      }
      if (ta.action() instanceof ControlAction.CreateMap) {
        return Optional.of("create_map: a map created from user space with a loaded object's BTF "
            + "(bpftool map create takes no BTF)");
      }
    }
    for (ObjectSpec o : f.objects().values()) {
      for (MapSpec m : o.maps()) {
        if (m.type() == org.allocsim.world.MapType.TASK_STORAGE && (!f.workload().isEmpty() || f.trace() != null)) {
          return Optional.of("map " + m.name() + " is task storage keyed by pid, and a generated workload's or a "
              + "trace's keys name pids that need not exist on the machine");
        }
        if (m.valueSpec().type().isLocalStorage() && m.type() != org.allocsim.world.MapType.TASK_STORAGE) {
          return Optional.of("map " + m.name() + " is a " + m.valueSpec().type().label() + " map: only task storage "
              + "is translated (a task found by pid; Debian's uapi header lacks cgroup storage, inode and socket "
              + "storage need an inode or a socket)");
        }
        for (KptrField k : m.valueSpec().fields()) {
          if (f.kernelTypes().containsKey(k.typeName()) && !KernelTypes.known(k.typeName())) {
            return Optional.of("kernel kptr of struct " + k.typeName() + ": no release kfunc known for it");
          }
        }
      }
      for (ProgramSpec p : o.programs()) {
        if (p.context() == ExecContext.NMI || p.context() == ExecContext.HARDIRQ) {
          return Optional.of("program " + p.name() + " runs in " + p.context().name().toLowerCase(java.util.Locale.ROOT)
              + " context: BPF_PROG_TEST_RUN runs programs in process context, where an empty per-CPU cache "
              + "refills at once");
        }
        for (StepSpec s : p.steps()) {
          if (s.type() != null && !o.types().containsKey(s.type()) && f.kernelTypes().containsKey(s.type())
              && KernelTypes.createDeclaration(s.type()) == null) {
            return Optional.of("program " + p.name() + " acquires a struct " + s.type() + ": no kfunc creates one "
                + "from nothing");
          }
          if (!LeakEmission.translates(s) && !PointerEmission.translates(s)) {
            return Optional.of("program " + p.name() + " states a register shape other than a leak or one"
                + " pointer-level key of a translated step (" + s.kind().label() + "), which the kernel translation"
                + " does not write");
          }
          if (s.kind() == StepKind.MAP_UPDATE && o.map(s.map()).valueSpec().type().isPercpu()) {
            return Optional.of("program " + p.name() + " updates a percpu map: the kernel writes the copy of the CPU "
                + "BPF_PROG_TEST_RUN happens to run on, not the record's");
          }
          if (CTaskStorage.touches(o, s) && !TASK_STORAGE_STEPS.contains(s.kind())) {
            return Optional.of("program " + p.name() + " has a " + s.kind().label() + " step on task storage, which "
                + "the C translation does not write (plain stores, takes and deletes only)");
          }
          if (s.kind() == StepKind.TAKE_HOLD || s.kind() == StepKind.PUT_HELD) {
            return Optional.of("program " + p.name() + " holds an object across two runs (" + s.kind().label()
                + "): a BPF_PROG_TEST_RUN run cannot end holding a reference");
          }
        }
      }
      Optional<String> graph = GraphExpressible.reason(o);
      if (graph.isPresent()) {
        return graph;
      }
    }
    return Optional.empty();
  }

  private static boolean storage(ScenarioFile f, org.allocsim.kernel.MapRef ref) {
    if (ref.map() == null) {
      return false;
    }
    for (ObjectSpec o : f.objects().values()) {
      MapSpec m = o.maps().stream().filter(x -> x.name().equals(ref.map())).findFirst().orElse(null);
      if (m != null && m.type().isLocalStorage()) {
        return true;
      }
    }
    return false;
  }
}
