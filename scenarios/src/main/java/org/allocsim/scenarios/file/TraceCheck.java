package org.allocsim.scenarios.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;
import org.allocsim.params.Limit;
import org.allocsim.scenarios.trace.TraceFiles;
import org.allocsim.world.ObjectSpec;

/**
 * A scenario's trace file checked against the scenario as inline records are (issue 15: a trace record naming a
 * program not in the scenario was counted as idle): every program it names exists, every step is one of that
 * program's, every CPU is below {@code cpus}, and the file holds no more records than the limit.
 */
public final class TraceCheck {
  private TraceCheck() {}

  /** At read time: the trace's program list (its header) names only programs of the scenario. */
  static void header(YNode node, Path trace, Map<String, ObjectSpec> objects) {
    List<String> known = RecordsSection.programs(objects);
    try (RecordStream s = TraceFiles.open(trace)) {
      for (String name : s.programNames()) {
        if (!known.contains(name)) {
          throw node.error("trace file " + node.text() + " names program '" + name + "', which no object of the "
              + "scenario has" + Suggest.nearest(name, known));
        }
      }
    } catch (IOException e) {
      throw node.error("trace file " + node.text() + " cannot be read: " + e.getMessage());
    } catch (TraceException e) {
      throw node.error("trace file " + node.text() + ": " + e.getMessage());
    }
  }

  /** The scenario's trace records, each checked as it is read. */
  public static RecordStream checked(ScenarioFile f, RecordStream records) {
    int cpus = Integer.parseInt(f.parameters().stream().filter(p -> p.key().equals(KernelParameters.CPUS.key()))
        .findFirst().orElseThrow().value());
    List<String> names = records.programNames();
    int[] steps = new int[names.size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = RecordsSection.steps(names.get(i), f.objects());
    }
    long limit = Limit.TRACE_RECORDS.value();
    return new RecordStream() {
      private long count;

      @Override
      public List<String> programNames() {
        return names;
      }

      @Override
      public int read(RecordBatch batch) {
        int n = records.read(batch);
        for (int i = 0; i < n; i++) {
          count++;
          String where = f.trace() + ": record " + count + " (at " + batch.time[i] + " ns): ";
          if (count > limit) {
            throw new TraceException(f.trace() + ": more than " + limit + " records; " + Limit.TRACE_RECORDS
                .explain());
          }
          if (batch.cpu[i] >= cpus) {
            throw new TraceException(where + "cpu " + batch.cpu[i] + " is not below cpus (" + cpus + ")");
          }
          int p = batch.program[i];
          if (batch.step[i] >= steps[p]) {
            throw new TraceException(where + "program '" + names.get(p) + "' has " + steps[p]
                + (steps[p] == 1 ? " step" : " steps") + "; the record names step " + batch.step[i]);
          }
        }
        return n;
      }

      @Override
      public void close() {
        records.close();
      }
    };
  }

  /** validate's check of the whole trace (run checks the same as it replays); returns the record count. */
  public static long scan(ScenarioFile f) {
    if (f.trace() == null) {
      return 0;
    }
    long n = 0;
    try (RecordStream s = checked(f, TraceFiles.open(f.trace()))) {
      RecordBatch batch = new RecordBatch();
      int k;
      while ((k = s.read(batch)) > 0) {
        n += k;
      }
    } catch (IOException e) {
      throw new TraceException(f.trace() + ": cannot read the trace: " + e.getMessage());
    }
    return n;
  }
}
