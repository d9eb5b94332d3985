package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/** Compares two streams record by record, each read in its own batches. */
final class SameRecords {
  private SameRecords() {}

  /** Asserts equal names and equal records in the same order; returns how many. */
  static long assertSame(RecordStream expected, RecordStream actual) {
    assertEquals(expected.programNames(), actual.programNames(), "program names");
    Cursor e = new Cursor(expected, 1000);
    Cursor a = new Cursor(actual, 777);
    long n = 0;
    while (e.next()) {
      if (!a.next()) {
        fail("actual ends after " + n + " records");
      }
      assertEquals(e.describe(), a.describe(), "record " + n);
      n++;
    }
    if (a.next()) {
      fail("actual has more than " + n + " records: " + a.describe());
    }
    return n;
  }

  private static final class Cursor {
    private final RecordStream s;
    private final RecordBatch b;
    private int i = -1;

    Cursor(RecordStream s, int capacity) {
      this.s = s;
      this.b = new RecordBatch(capacity);
    }

    boolean next() {
      if (++i < b.size()) {
        return true;
      }
      i = 0;
      return s.read(b) > 0;
    }

    String describe() {
      return b.time[i] + " " + b.cpu[i] + " " + b.program[i] + " " + b.step[i] + " " + b.key1[i] + " "
          + b.key2[i];
    }
  }
}
