package org.allocsim.scenarios.random;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.world.MapType;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Held objects moved between fields: some programs gain a {@code take_hold} from one field and a {@code put_held}
 * into another (of another map when the object has one), and the trace gains the pair of records that runs them on
 * one CPU, take first. That is a move in two records, with the object on the program's stack in between, which
 * the single {@code move} step does not exercise (issue 15: dropping the edge that joins the two fields in
 * per-field-dissolving went unnoticed). Drawn from their own stream after everything else, so the rest of world n
 * is what it was before.
 */
final class HeldMoves {
  private static final long HALF_MS = 500_000L;

  private final UniformRandomProvider rng;

  HeldMoves(UniformRandomProvider rng) {
    this.rng = rng;
  }

  /** The objects with held moves added to some programs; records running them are added by {@link #runs}. */
  Map<String, ObjectSpec> objects(Map<String, ObjectSpec> objects) {
    Map<String, ObjectSpec> out = new LinkedHashMap<>();
    for (Map.Entry<String, ObjectSpec> e : objects.entrySet()) {
      ObjectSpec o = e.getValue();
      List<String> fields = o.maps().stream().filter(m -> m.type() != MapType.ALLOCATOR).map(MapSpec::name)
          .toList();
      List<ProgramSpec> programs = new ArrayList<>();
      for (ProgramSpec p : o.programs()) {
        if (fields.size() < 2 || rng.nextDouble() >= 0.5) {
          programs.add(p);
          continue;
        }
        String from = fields.get(rng.nextInt(fields.size()));
        List<String> others = fields.stream().filter(f -> !f.equals(from)).toList();
        String to = others.get(rng.nextInt(others.size()));
        List<StepSpec> ops = new ArrayList<>(p.steps());
        ops.add(StepSpec.takeHold(from, "v"));
        ops.add(StepSpec.putHeld(to, "v"));
        programs.add(new ProgramSpec(p.name(), p.context(), p.sleepable(), ops));
      }
      out.put(e.getKey(), new ObjectSpec(o.name(), o.types(), o.maps(), programs));
    }
    return out;
  }

  /**
   * runs plus, for programs with a held move, pairs of records that take and then put on one CPU, at times the
   * program is attached when it has such times.
   */
  List<RandomWorld.Run> runs(Map<String, ObjectSpec> objects, List<RandomWorld.Run> runs,
      List<TimelineDraws.Attached> attached, long until) {
    List<RandomWorld.Run> out = new ArrayList<>(runs);
    for (ObjectSpec o : objects.values()) {
      for (ProgramSpec p : o.programs()) {
        int n = p.steps().size();
        if (n < 2 || p.steps().get(n - 2).kind() != org.allocsim.world.StepKind.TAKE_HOLD
            || p.steps().get(n - 1).kind() != org.allocsim.world.StepKind.PUT_HELD) {
          continue;
        }
        int pairs = rng.nextInt(3);
        List<TimelineDraws.Attached> windows = attached.stream().filter(a -> a.program().equals(p.name())).toList();
        for (int i = 0; i < pairs; i++) {
          long take;
          if (!windows.isEmpty() && rng.nextDouble() < 0.9) {
            TimelineDraws.Attached w = windows.get(rng.nextInt(windows.size()));
            long end = Math.min(w.untilNs(), until);
            take = w.fromNs() + (end <= w.fromNs() ? 0 : (rng.nextLong() >>> 1) % ((end - w.fromNs()) / HALF_MS + 1)
                * HALF_MS);
          } else {
            take = (rng.nextLong() >>> 1) % (until / HALF_MS + 1) * HALF_MS;
          }
          int cpu = rng.nextInt(2);
          out.add(new RandomWorld.Run(take, cpu, p.name(), n - 2, key(p.steps().get(n - 2).from()), 0));
          out.add(new RandomWorld.Run(take + (1 + rng.nextInt(8)) * HALF_MS, cpu, p.name(), n - 1,
              key(p.steps().get(n - 1).to()), 0));
        }
      }
    }
    out.sort(Comparator.comparingLong(RandomWorld.Run::timeNs)); // stable: pairs keep take before put
    return out;
  }

  private long key(StepSpec.FieldSpec f) {
    long k = rng.nextInt(ObjectDraws.KEYS);
    return f.map().equals("outer") ? ((long) rng.nextInt(ObjectDraws.OUTER_SLOTS) << 32) | k : k;
  }
}
