package org.allocsim.scenarios.trace;

import java.util.List;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.TraceException;

/**
 * The value ranges every trace format accepts, checked in one place so that whatever one format writes the other
 * can read. The bounds reject garbage early (a corrupt varint decoding to a cpu of 2^40) while leaving room for any
 * real machine or program.
 */
final class RecordLimits {
  /** CONFIG_NR_CPUS tops out at 8192. */
  static final int MAX_CPU = 8191;
  /** Far above any program's step list; steps index a list in a ProgramSpec. */
  static final int MAX_STEP = 65_535;
  static final int MAX_PROGRAMS = 65_535;
  /** Names are attach points; the kernel's BPF_OBJ_NAME_LEN is 16, libbpf's section names stay far below this. */
  static final int MAX_NAME_LENGTH = 255;

  private RecordLimits() {}

  /** A program name: {@code [A-Za-z_][A-Za-z0-9_.-]*}, at most {@link #MAX_NAME_LENGTH} characters. */
  static boolean isName(String s) {
    if (s.isEmpty() || s.length() > MAX_NAME_LENGTH || !isNameStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isNameStart(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /** Checks a stream's program names before a writer commits to them. */
  static List<String> checkedNames(List<String> names) {
    if (names.size() > MAX_PROGRAMS) {
      throw new TraceException("a trace holds at most " + MAX_PROGRAMS + " programs, the stream names "
          + names.size());
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (!isName(n)) {
        throw new TraceException("program name '" + n + "' cannot be written: expected [A-Za-z_][A-Za-z0-9_.-]*, at"
            + " most " + MAX_NAME_LENGTH + " characters");
      }
      if (names.subList(0, i).contains(n)) {
        throw new TraceException("program name '" + n + "' appears twice in the stream's names");
      }
    }
    return List.copyOf(names);
  }

  /**
   * Checks record {@code i} of a batch that a writer is about to write (index counts from 0 over the whole stream,
   * as the replayer's messages do); returns its time. A writer refuses what no reader would accept.
   */
  static long checkForWriting(RecordBatch b, int i, long index, long previousTime, int programs) {
    long t = b.time[i];
    if (t < 0) {
      throw new TraceException("record " + index + ": time " + t + " ns is negative");
    }
    if (t < previousTime) {
      throw new TraceException("record " + index + ": time " + t + " ns goes back before " + previousTime + " ns");
    }
    if (b.cpu[i] < 0 || b.cpu[i] > MAX_CPU) {
      throw new TraceException("record " + index + ": cpu " + b.cpu[i] + " is outside 0.." + MAX_CPU);
    }
    if (b.program[i] < 0 || b.program[i] >= programs) {
      throw new TraceException("record " + index + ": program " + b.program[i] + " is not in the stream's "
          + programs + " programs");
    }
    if (b.step[i] < 0 || b.step[i] > MAX_STEP) {
      throw new TraceException("record " + index + ": step " + b.step[i] + " is outside 0.." + MAX_STEP);
    }
    if (b.key1[i] < 0 || b.key2[i] < 0) {
      throw new TraceException("record " + index + ": keys must not be negative, got " + b.key1[i] + " and "
          + b.key2[i]);
    }
    return t;
  }
}
