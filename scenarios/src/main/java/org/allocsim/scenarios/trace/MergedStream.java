package org.allocsim.scenarios.trace;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;

/**
 * Interleaves several record streams by time, ties going to the earlier stream, e.g. a recorded trace replayed on
 * top of a generated workload. Program names are combined in first-seen order (stream by stream), and each stream's
 * indices are remapped into that list, so two streams naming the same attach point drive the same program.
 */
public final class MergedStream implements RecordStream {
  private final List<RecordStream> inputs;
  private final List<String> names;
  private final int[][] remap;
  private final RecordBatch[] batches;
  private final int[] cursor;
  private final long[] lastTime;
  private final boolean[] done;

  public MergedStream(List<? extends RecordStream> streams) {
    this.inputs = List.copyOf(streams);
    List<String> all = new ArrayList<>();
    remap = new int[inputs.size()][];
    for (int s = 0; s < inputs.size(); s++) {
      List<String> own = inputs.get(s).programNames();
      remap[s] = new int[own.size()];
      for (int p = 0; p < own.size(); p++) {
        int at = all.indexOf(own.get(p));
        if (at < 0) {
          all.add(own.get(p));
          at = all.size() - 1;
        }
        remap[s][p] = at;
      }
    }
    this.names = List.copyOf(all);
    int n = inputs.size();
    batches = new RecordBatch[n];
    cursor = new int[n];
    lastTime = new long[n];
    done = new boolean[n];
    for (int s = 0; s < n; s++) {
      batches[s] = new RecordBatch();
    }
  }

  public static MergedStream of(RecordStream... streams) {
    return new MergedStream(List.of(streams));
  }

  @Override
  public List<String> programNames() {
    return names;
  }

  /** A linear scan for the earliest head: merges join a handful of streams, where a heap would not pay. */
  @Override
  public int read(RecordBatch out) {
    out.clear();
    while (!out.isFull()) {
      int best = -1;
      long bestTime = Long.MAX_VALUE;
      for (int s = 0; s < batches.length; s++) {
        if (ready(s) && (best < 0 || batches[s].time[cursor[s]] < bestTime)) {
          best = s;
          bestTime = batches[s].time[cursor[s]];
        }
      }
      if (best < 0) {
        break;
      }
      RecordBatch b = batches[best];
      int i = cursor[best]++;
      int program = b.program[i];
      if (program < 0 || program >= remap[best].length) {
        throw new TraceException("merged stream " + best + ": program " + program + " is not in its "
            + remap[best].length + " programs");
      }
      out.add(bestTime, b.cpu[i], remap[best][program], b.step[i], b.key1[i], b.key2[i]);
    }
    return out.size();
  }

  /** Whether stream {@code s} has a record at its cursor, refilling its batch when needed. */
  private boolean ready(int s) {
    if (cursor[s] < batches[s].size()) {
      return true;
    }
    if (done[s]) {
      return false;
    }
    cursor[s] = 0;
    if (inputs.get(s).read(batches[s]) == 0) {
      done[s] = true;
      return false;
    }
    // Merging assumes each input is ordered; check at the one place that would silently reorder it.
    RecordBatch b = batches[s];
    for (int i = 0; i < b.size(); i++) {
      if (b.time[i] < lastTime[s]) {
        throw new TraceException("merged stream " + s + ": time " + b.time[i] + " ns goes back before "
            + lastTime[s] + " ns");
      }
      lastTime[s] = b.time[i];
    }
    return true;
  }

  /** Closes every input, even when one fails. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (RecordStream in : inputs) {
      try {
        in.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
