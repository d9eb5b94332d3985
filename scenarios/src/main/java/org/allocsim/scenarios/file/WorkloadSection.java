package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.scenarios.workload.Distributions;
import org.allocsim.scenarios.workload.KeyChoice;
import org.allocsim.scenarios.workload.Lifetime;
import org.allocsim.scenarios.workload.ProgramWorkload;
import org.allocsim.scenarios.workload.RunArrivals;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;

/**
 * {@code workload:} — the generated data plane, one item per program:
 * <pre>
 * - program: balancer_ingress
 *   rate: 50000                 # runs per second on each CPU (Poisson)
 *   cpus: [0, 1]                # optional, default all
 *   steps: [4, 2, 3, 1]         # weight of each step, by index
 *   keys: {zipf: 65536, exponent: 1.1}   # or {uniform: 65536}
 *   lifetime: {store: 0, release: 1, distribution: lognormal, median: 20ms, shape: 1}
 *   from: 0s
 *   until: 6s
 * </pre>
 * Lifetime parameters are durations, except {@code shape}; a log-normal takes its {@code median} (or {@code scale},
 * the log of the median in ns).
 */
final class WorkloadSection {
  private static final List<String> KEYS = List.of("program", "rate", "cpus", "steps", "keys", "lifetime", "from",
      "until");

  private WorkloadSection() {}

  static List<ProgramWorkload> read(YNode node, Map<String, ObjectSpec> objects, int cpus, long durationNs) {
    List<ProgramWorkload> out = new ArrayList<>();
    for (YNode item : node.list()) {
      out.add(program(item, objects, cpus, durationNs));
    }
    return out;
  }

  private static ProgramWorkload program(YNode item, Map<String, ObjectSpec> objects, int cpus, long durationNs) {
    YMap m = item.map().allow(KEYS);
    YNode programNode = m.require("program", item);
    String program = programNode.name();
    int steps = steps(program, objects);
    if (steps < 0) {
      throw programNode.error("unknown program '" + program + "'" + Suggest.nearest(program,
          RecordsSection.programs(objects)));
    }
    double rate = m.require("rate", item).as("rate (runs per second on each CPU)").number(1e-9, 1e10);
    double[] weights = weights(m.require("steps", item), steps, program);
    KeyChoice keys = keys(m.require("keys", item));
    List<Integer> onCpus = new ArrayList<>();
    if (m.has("cpus")) {
      for (YNode c : m.get("cpus").list()) {
        onCpus.add((int) c.as("cpu (parameter cpus is " + cpus + ")").integer(0, cpus - 1));
      }
    }
    long from = m.has("from") ? m.get("from").duration() : 0;
    long until = m.has("until") ? m.get("until").duration() : durationNs;
    if (until <= from) {
      throw (m.has("until") ? m.get("until") : item).error("'until' must come after 'from'");
    }
    Lifetime lifetime = m.has("lifetime") ? lifetime(m.get("lifetime"), steps) : null;
    try {
      return new ProgramWorkload(program, RunArrivals.poisson(rate), onCpus, weights, keys, lifetime, from, until);
    } catch (IllegalArgumentException e) {
      throw item.error("workload of program '" + program + "': " + e.getMessage());
    }
  }

  /** A list of weights by step index; missing trailing steps weigh 0. */
  private static double[] weights(YNode node, int steps, String program) {
    List<YNode> items = node.list();
    if (items.size() > steps) {
      throw node.error("program '" + program + "' has " + steps + (steps == 1 ? " step" : " steps") + ", but "
          + items.size() + " weights are given");
    }
    double[] w = new double[steps];
    double sum = 0;
    for (int i = 0; i < items.size(); i++) {
      w[i] = items.get(i).as("weight of step " + i).number(0, 1e12);
      sum += w[i];
    }
    if (sum <= 0) {
      throw node.error("at least one step of program '" + program + "' needs a weight above 0");
    }
    return w;
  }

  private static KeyChoice keys(YNode node) {
    YMap m = node.map().allow(List.of("uniform", "zipf", "exponent"));
    if (m.has("uniform") == m.has("zipf")) {
      throw node.error("keys are {uniform: N} or {zipf: N, exponent: S}");
    }
    if (m.has("uniform")) {
      if (m.has("exponent")) {
        throw m.get("exponent").error("'exponent' goes with zipf keys");
      }
      return KeyChoice.uniform(m.get("uniform").as("number of keys").integer(1, Integer.MAX_VALUE));
    }
    long n = m.get("zipf").as("number of keys").integer(1, Integer.MAX_VALUE);
    return KeyChoice.zipf(n, m.require("exponent", node).as("Zipf exponent").number(1e-9, 100));
  }

  private static Lifetime lifetime(YNode node, int steps) {
    YMap m = node.map();
    YNode dist = m.require("distribution", node).as("lifetime distribution");
    String family = dist.oneOf(Distributions.names());
    List<String> params = new ArrayList<>(Distributions.family(family).parameters());
    List<String> allowed = new ArrayList<>(List.of("store", "release", "distribution"));
    allowed.addAll(params);
    if (family.equals("lognormal")) {
      allowed.add("median");
    }
    m.allow(allowed);
    int store = (int) m.require("store", node).as("store step").integer(0, steps - 1);
    int release = (int) m.require("release", node).as("release step").integer(0, steps - 1);
    Map<String, Double> values = new LinkedHashMap<>();
    if (family.equals("lognormal") && m.has("median")) {
      if (m.has("scale")) {
        throw m.get("scale").error("give a log-normal lifetime its median or its scale, not both");
      }
      values.put("scale", Math.log((double) Math.max(1, m.get("median").duration())));
    }
    for (String p : params) {
      if (values.containsKey(p)) {
        continue;
      }
      YNode v = m.require(p, node);
      boolean logSpace = p.equals("shape") || (family.equals("lognormal") && p.equals("scale"));
      values.put(p, logSpace ? v.number(-1e12, 1e12) : (double) v.duration());
    }
    try {
      return new Lifetime(store, release, family, values);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static int steps(String program, Map<String, ObjectSpec> objects) {
    int n = -1;
    for (ObjectSpec o : objects.values()) {
      for (ProgramSpec p : o.programs()) {
        if (p.name().equals(program)) {
          n = n < 0 ? p.steps().size() : Math.min(n, p.steps().size());
        }
      }
    }
    return n;
  }
}
