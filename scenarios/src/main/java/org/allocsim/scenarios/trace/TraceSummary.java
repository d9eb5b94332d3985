package org.allocsim.scenarios.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/**
 * What a trace holds, gathered in one streaming pass: counts per program and step and per CPU, the time span and
 * the key ranges. Key ranges are {@code -1..-1} and times 0 for an empty trace.
 *
 * @param records how many records
 * @param firstNs time of the first record
 * @param lastNs time of the last record
 * @param programs one entry per program name, in index order (also those with no records)
 * @param perCpu records per CPU, indexed by CPU up to the highest one seen
 */
public record TraceSummary(long records, long firstNs, long lastNs, List<ProgramCount> programs, List<Long> perCpu,
    long key1Min, long key1Max, long key2Min, long key2Max) {

  /** Records of one program in all, and per step index (up to the highest step seen). */
  public record ProgramCount(String name, long records, List<Long> perStep) {}

  public TraceSummary {
    programs = List.copyOf(programs);
    perCpu = List.copyOf(perCpu);
  }

  public long spanNs() {
    return lastNs - firstNs;
  }

  /** Records per second over the span, or 0 when the span is empty. */
  public double meanRatePerSecond() {
    return spanNs() == 0 ? 0 : records * 1e9 / spanNs();
  }

  /** Reads {@code stream} to its end (the caller closes it). */
  public static TraceSummary of(RecordStream stream) {
    List<String> names = stream.programNames();
    long[] perProgram = new long[names.size()];
    long[][] perStep = new long[names.size()][0];
    long[] perCpu = new long[0];
    long n = 0;
    long first = 0;
    long last = 0;
    long[] keys = {Long.MAX_VALUE, -1, Long.MAX_VALUE, -1};
    RecordBatch b = new RecordBatch();
    while (stream.read(b) > 0) {
      if (n == 0) {
        first = b.time[0];
      }
      for (int i = 0; i < b.size(); i++) {
        int p = b.program[i];
        int step = b.step[i];
        perProgram[p]++;
        if (step >= perStep[p].length) {
          perStep[p] = Arrays.copyOf(perStep[p], step + 1);
        }
        perStep[p][step]++;
        if (b.cpu[i] >= perCpu.length) {
          perCpu = Arrays.copyOf(perCpu, b.cpu[i] + 1);
        }
        perCpu[b.cpu[i]]++;
        keys[0] = Math.min(keys[0], b.key1[i]);
        keys[1] = Math.max(keys[1], b.key1[i]);
        keys[2] = Math.min(keys[2], b.key2[i]);
        keys[3] = Math.max(keys[3], b.key2[i]);
      }
      n += b.size();
      last = b.time[b.size() - 1];
    }
    List<ProgramCount> programs = new ArrayList<>();
    for (int p = 0; p < names.size(); p++) {
      programs.add(new ProgramCount(names.get(p), perProgram[p], Arrays.stream(perStep[p]).boxed().toList()));
    }
    return new TraceSummary(n, first, last, programs, Arrays.stream(perCpu).boxed().toList(),
        n == 0 ? -1 : keys[0], keys[1], n == 0 ? -1 : keys[2], keys[3]);
  }
}
