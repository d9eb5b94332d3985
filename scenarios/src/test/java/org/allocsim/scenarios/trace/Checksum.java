package org.allocsim.scenarios.trace;

import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/** An order-sensitive checksum over records, so a long stream can be compared without holding it. */
final class Checksum {
  private long h = 1;
  private long count;

  void add(long time, int cpu, int program, int step, long key1, long key2) {
    h = mix(h ^ time);
    h = mix(h ^ (((long) cpu << 40) | ((long) program << 20) | step));
    h = mix(h ^ key1);
    h = mix(h ^ key2);
    count++;
  }

  long value() {
    return h ^ count;
  }

  long count() {
    return count;
  }

  /** Reads a stream to its end. */
  static Checksum of(RecordStream s) {
    Checksum c = new Checksum();
    RecordBatch b = new RecordBatch();
    while (s.read(b) > 0) {
      for (int i = 0; i < b.size(); i++) {
        c.add(b.time[i], b.cpu[i], b.program[i], b.step[i], b.key1[i], b.key2[i]);
      }
    }
    return c;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
