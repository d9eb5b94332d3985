package org.allocsim.scenarios.file;

import java.util.List;
import java.util.Map;
import org.allocsim.kernel.RecordList;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;

/**
 * {@code records:} — a short hand-written trace, one {@code [time, cpu, program, step, key1, key2?]} per item, in
 * time order. The thread's claims (a handful of runs each) are written this way.
 */
final class RecordsSection {
  private RecordsSection() {}

  static RecordList read(YNode node, Map<String, ObjectSpec> objects, int cpus) {
    RecordList out = new RecordList();
    List<YNode> items = node.list();
    if (items.size() > SizeLimits.MAX_INLINE_RECORDS) {
      throw node.error("at most " + SizeLimits.MAX_INLINE_RECORDS + " inline records; use a trace file");
    }
    long last = 0;
    int index = 0;
    for (YNode item : items) {
      index++;
      List<YNode> f = item.list();
      if (f.size() < 5 || f.size() > 6) {
        throw item.error("a record is [time, cpu, program, step, key1] or [time, cpu, program, step, key1, key2], got "
            + f.size() + " values");
      }
      long time = f.get(0).as("time of record " + index).duration();
      if (time < last) {
        throw f.get(0).error("records must be in time order: " + f.get(0).text() + " comes after a later record");
      }
      last = time;
      int cpu = (int) f.get(1).as("cpu of record " + index + " (parameter cpus is " + cpus + ")")
          .integer(0, cpus - 1);
      String program = f.get(2).name();
      int steps = steps(program, objects);
      if (steps < 0) {
        throw f.get(2).error("unknown program '" + program + "'" + Suggest.nearest(program, programs(objects)));
      }
      int step = (int) f.get(3).as("step of record " + index + " (program '" + program + "' has " + steps
          + (steps == 1 ? " step)" : " steps)")).integer(0, steps - 1);
      long key1 = f.get(4).as("key of record " + index).integer(0, Long.MAX_VALUE);
      long key2 = f.size() == 6 ? f.get(5).as("second key of record " + index).integer(0, Long.MAX_VALUE) : 0;
      out.add(time, cpu, program, step, key1, key2);
    }
    return out;
  }

  /** Steps of the program of that name (the fewest if several objects define it), or -1. */
  static int steps(String program, Map<String, ObjectSpec> objects) {
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

  static List<String> programs(Map<String, ObjectSpec> objects) {
    return objects.values().stream().flatMap(o -> o.programs().stream()).map(ProgramSpec::name).distinct().toList();
  }
}
