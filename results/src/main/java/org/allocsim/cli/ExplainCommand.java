package org.allocsim.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.allocsim.params.ParameterSpec;
import org.allocsim.strategy.LifetimeStrategy;
import org.allocsim.strategy.ObjectHooks;
import org.allocsim.strategy.Strategies;
import org.allocsim.strategy.StrategyInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code allocsim explain STRATEGY}: a design's rule, its source, its parameters and where it differs. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Prints a strategy's rule, source, parameters, and the questions on which it departs from the "
        + "interface's defaults.")
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Issue 14: the verifier's register-level rules are not the allocator's, so the 2022 designs (silent on them) are
   * given the landed kernel's refusals; kernel.RegisterVerifier runs before every design's own rules.
   */
  static final String VERIFIER_RULES = "verifier rules: the kernel's, the same in every design (chosen: the thread is"
      + " silent and they do not depend on allocator lifetime): a graph kfunc without its root's lock, a non-owning"
      + " reference added or kept past unlock, graph kfuncs in the less callback, an unchecked NULL given to"
      + " bpf_refcount_acquire and a reference kept to exit are refused with the verifier's words before the design"
      + " is asked; so are the map types' own rules (map_check_btf: a bpf_spin_lock or graph root in a percpu or"
      + " local-storage map; check_map_func_compatibility: bpf_map_update_elem on local storage)";

  /**
   * Issue 14: the thread predates kptr fields in percpu and local-storage maps (v6.2 and v6.6); each design applies
   * its per-map rule to them unchanged, through the same events, so the interface stays as it is.
   */
  static final String NEW_MAP_TYPES = "percpu and local-storage maps: a map like any other to the design (choice: the"
      + " thread is silent, it predates their kptr fields): its per-map rule covers every CPU's copy of a percpu value"
      + " and every owner's storage; each kptr the kernel releases (every CPU's copy at a user-space update or"
      + " delete, a storage delete's from its RCU callback, an owner's death, the map's free) is told as KptrDropped"
      + " and freed where freeTarget says";

  @CommandLine.Parameters(paramLabel = "STRATEGY", description = "a name from 'allocsim list'")
  String name;

  @Override
  public Integer call() {
    Strategies installed = Strategies.installed();
    if (!installed.has(name)) {
      throw StrategyOption.unknown(name, installed, spec.commandLine());
    }
    LifetimeStrategy s = installed.create(name);
    StrategyInfo info = installed.info(name);
    PrintWriter out = spec.commandLine().getOut();
    out.println(info.name() + " (" + s.getClass().getName() + ")");
    out.println("rule:   " + info.rule());
    out.println("source: " + info.source());
    out.println("answers differently on: " + String.join(", ", overridden(s)));
    out.println("new objects: " + (info.newObjects().isEmpty() ? "not stated" : info.newObjects()));
    // The thread discussed map free and user-space deletes only; every design takes this one choice (designs.md).
    out.println("program-side map_update / map_delete: each released kptr is told as KptrDropped and freed where "
        + "freeTarget says, as for a user-space delete, on the program's CPU (choice: the thread is silent)");
    out.println(NEW_MAP_TYPES);
    out.println(VERIFIER_RULES);
    List<ParameterSpec> params = info.parameters();
    out.println(params.isEmpty() ? "parameters: none" : "parameters:");
    for (ParameterSpec p : params) {
      out.printf("  %s = %s %s%n    %s%n    source: %s%n", p.key(), p.defaultValue(), p.unit(), p.description(),
          p.source());
    }
    return 0;
  }

  /**
   * The interface's questions this design answers itself (the defaults are the designs' common answers), and the
   * per-object hooks when it counts objects.
   */
  static List<String> overridden(LifetimeStrategy s) {
    TreeSet<String> out = new TreeSet<>();
    if (s instanceof ObjectHooks) {
      for (Method m : ObjectHooks.class.getMethods()) {
        out.add("object " + m.getName());
      }
    }
    for (Method m : LifetimeStrategy.class.getMethods()) {
      if (m.getName().equals("attach")) {
        continue;
      }
      try {
        if (s.getClass().getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass() != LifetimeStrategy.class) {
          out.add(m.getName());
        }
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ArrayList<>(out);
  }
}
