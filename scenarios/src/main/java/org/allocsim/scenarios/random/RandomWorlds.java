package org.allocsim.scenarios.random;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RunSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Random worlds from a seed: world number n of seed s is always the same world. Worlds are small (at most three
 * objects, ten actions and sixteen records, plus the held moves' pairs) so that a thousand run in seconds and a
 * counterexample is short.
 */
public final class RandomWorlds {
  private static final long MS = TimelineDraws.MS;
  /** Past the last event: two RCU grace periods and a tasks-trace one, so deferred frees happen in the run. */
  private static final long TAIL_NS = 40 * MS;

  private RandomWorlds() {}

  /** World number n (from 0) of the worlds drawn from seed. */
  public static RandomWorld generate(long seed, long n) {
    return generate(seed, n, WorldOptions.ALL);
  }

  /** World number n of seed with only the features options allows (another world than the full one). */
  public static RandomWorld generate(long seed, long n, WorldOptions options) {
    // SplitMix-style mixing of (seed, n): neighbouring seeds and numbers give unrelated worlds.
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix(seed), mix(n ^ 0x9E37L)});
    Map<String, ObjectSpec> drawn = new ObjectDraws(rng, options).draw();
    // Held moves come from their own stream and only add steps after the drawn ones: the main stream's draws,
    // and so the rest of world n, stay what they were.
    HeldMoves held = new HeldMoves(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix(seed ^ 0x48454CL),
        mix(n ^ 0x44L)}));
    Map<String, ObjectSpec> objects = options.heldMoves() ? held.objects(drawn) : drawn;
    TimelineDraws draws = new TimelineDraws(rng, objects);
    List<RunSpec.TimedAction> timeline = draws.draw();
    long last = timeline.get(timeline.size() - 1).timeNs();
    List<RandomWorld.Run> runs = runs(rng, drawn, timeline, draws.attached(), last + 20 * MS);
    if (options.heldMoves()) {
      runs = held.runs(objects, runs, draws.attached(), last + 20 * MS);
    }
    long end = Math.max(last, runs.isEmpty() ? 0 : runs.get(runs.size() - 1).timeNs()) + TAIL_NS;
    return new RandomWorld("random-" + seed + "-" + n, end, 2, objects, timeline, runs);
  }

  /**
   * Records mostly of programs attached at their time, half of them shortly after a timeline action (where races
   * live: a run between an unload and the grace period that frees the program).
   */
  private static List<RandomWorld.Run> runs(UniformRandomProvider rng, Map<String, ObjectSpec> objects,
      List<RunSpec.TimedAction> timeline, List<TimelineDraws.Attached> attached, long until) {
    Map<String, ProgramSpec> programs = new java.util.LinkedHashMap<>();
    objects.values().forEach(o -> o.programs().forEach(p -> programs.put(p.name(), p)));
    List<String> names = new ArrayList<>(programs.keySet());
    List<RandomWorld.Run> out = new ArrayList<>();
    int n = 2 + rng.nextInt(15);
    for (int i = 0; i < n; i++) {
      long time = rng.nextBoolean() ? (rng.nextLong() >>> 1) % (until / 500_000L + 1) * 500_000L
          : timeline.get(rng.nextInt(timeline.size())).timeNs() + (1 + rng.nextInt(24)) * 500_000L;
      List<String> live = attached.stream().filter(a -> a.fromNs() <= time && time < a.untilNs())
          .map(TimelineDraws.Attached::program).toList();
      String name = live.isEmpty() || rng.nextDouble() < 0.1 ? names.get(rng.nextInt(names.size()))
          : live.get(rng.nextInt(live.size()));
      ProgramSpec p = programs.get(name);
      int step = rng.nextInt(p.steps().size());
      StepSpec op = p.steps().get(step);
      StepSpec.FieldSpec first = op.from() != null ? op.from() : op.to();
      long key1 = first == null ? 0 : key(rng, first);
      long key2 = op.kind() == org.allocsim.world.StepKind.MOVE ? key(rng, op.to()) : 0;
      out.add(new RandomWorld.Run(time, rng.nextInt(2), p.name(), step, key1, key2));
    }
    out.sort(Comparator.comparingLong(RandomWorld.Run::timeNs));
    return out;
  }

  /** A key for a field: through the outer map, the slot goes in the high 32 bits (as the kernel reads it). */
  private static long key(UniformRandomProvider rng, StepSpec.FieldSpec f) {
    long k = rng.nextInt(ObjectDraws.KEYS);
    return f.map().equals("outer") ? ((long) rng.nextInt(ObjectDraws.OUTER_SLOTS) << 32) | k : k;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
