package org.allocsim.scenarios.trace;

import java.util.List;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;

/**
 * {@code n} pseudo-random records over three programs, the same for the same seed, produced on the fly so that a
 * long stream holds nothing. Values reach the formats' limits now and then: gaps of 0, huge keys, the top CPU.
 */
final class Generated implements RecordStream {
  static final List<String> NAMES = List.of("balancer_ingress", "xdp.fwd-2", "_tc");
  private final long n;
  private long state;
  private long produced;
  private long time;
  private final Checksum checksum = new Checksum();

  Generated(long n, long seed) {
    this.n = n;
    this.state = seed;
  }

  @Override
  public List<String> programNames() {
    return NAMES;
  }

  @Override
  public int read(RecordBatch batch) {
    batch.clear();
    while (!batch.isFull() && produced < n) {
      long r = next();
      time += (r & 3) == 0 ? 0 : (r >>> 40) % 20_000;
      int cpu = (r & 0xff) == 7 ? 8191 : (int) ((r >>> 8) & 7);
      int program = (int) ((r >>> 12) & 0xffff) % 3;
      int step = (r & 0x3ff) == 5 ? 65_535 : (int) ((r >>> 28) & 3);
      long key1 = (r & 0xfff) == 9 ? Long.MAX_VALUE : next() >>> 48;
      long key2 = (r & 16) == 0 ? 0 : (next() >>> 1) >>> (r & 63);
      batch.add(time, cpu, program, step, key1, key2);
      checksum.add(time, cpu, program, step, key1, key2);
      produced++;
    }
    return batch.size();
  }

  /** Checksum of the records produced so far. */
  long checksum() {
    return checksum.value();
  }

  private long next() {
    state += 0x9e3779b97f4a7c15L;
    return Checksum.mix(state);
  }
}
