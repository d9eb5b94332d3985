package org.allocsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RecordsAheadTest {

  /** Records (time, cpu, program, step, key1, key2) drawn from a seed: i-th record is a function of i alone. */
  private static final class Counting implements RecordStream {
    private final long total;
    private final long failAt;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long next;

    Counting(long total, long failAt) {
      this.total = total;
      this.failAt = failAt;
    }

    @Override
    public List<String> programNames() {
      return List.of("a", "b");
    }

    @Override
    public int read(RecordBatch batch) {
      batch.clear();
      while (!batch.isFull() && next < total) {
        if (next == failAt) {
          throw new TraceException("record " + next + ": a malformed record");
        }
        SplittableRandom r = new SplittableRandom(next);
        batch.add(next * 3, r.nextInt(4), r.nextInt(2), r.nextInt(3), r.nextLong(), r.nextLong());
        next++;
      }
      return batch.size();
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  /** Every record read from s into batches of the given capacity, one row of six values each. */
  private static List<long[]> rows(RecordStream s, int capacity) {
    List<long[]> rows = new ArrayList<>();
    RecordBatch b = new RecordBatch(capacity);
    for (int n = s.read(b); n > 0; n = s.read(b)) {
      for (int i = 0; i < n; i++) {
        rows.add(new long[] {b.time[i], b.cpu[i], b.program[i], b.step[i], b.key1[i], b.key2[i]});
      }
    }
    return rows;
  }

  @Test
  void theSameRecordsInTheSameOrderWhateverTheReadersBatches() {
    List<long[]> want = rows(new Counting(50_001, -1), 8192);
    for (int capacity : new int[] {1, 1000, 4096, 8192}) {
      RecordStream ahead = RecordsAhead.of(new Counting(50_001, -1));
      assertInstanceOf(RecordsAhead.class, ahead);
      assertEquals(List.of("a", "b"), ahead.programNames());
      List<long[]> got = rows(ahead, capacity);
      ahead.close();
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) {
        assertArrayEquals(want.get(i), got.get(i), "record " + i + " read in batches of " + capacity);
      }
    }
  }

  @Test
  void aFailureOfTheSourceIsRethrownAfterTheRecordsBeforeIt() {
    Counting source = new Counting(100_000, 20_000);
    RecordStream ahead = RecordsAhead.of(source);
    RecordBatch b = new RecordBatch(1000);
    long read = 0;
    TraceException e = null;
    try {
      for (int n = ahead.read(b); n > 0; n = ahead.read(b)) {
        read += n;
      }
    } catch (TraceException thrown) {
      e = thrown;
    }
    // The source fails inside its fifth batch of 4096: the records of its first four come through.
    assertEquals(4 * 4096, read);
    assertEquals("record 20000: a malformed record", e == null ? null : e.getMessage());
    TraceException again = assertThrows(TraceException.class, () -> ahead.read(b));
    assertSame(e, again);
    ahead.close();
    assertTrue(source.closed.get());
  }

  @Test
  void closingBeforeTheEndStopsTheProducerAndClosesTheSource() {
    Counting source = new Counting(Long.MAX_VALUE, -1);
    RecordStream ahead = RecordsAhead.of(source);
    RecordBatch b = new RecordBatch(100);
    assertEquals(100, ahead.read(b));
    ahead.close();
    assertTrue(source.closed.get());
  }

  @Test
  void theReaderCanTurnItOff() {
    String old = System.getProperty(RecordsAhead.PROPERTY);
    System.setProperty(RecordsAhead.PROPERTY, "false");
    try {
      Counting source = new Counting(10, -1);
      assertSame(source, RecordsAhead.of(source));
    } finally {
      if (old == null) {
        System.clearProperty(RecordsAhead.PROPERTY);
      } else {
        System.setProperty(RecordsAhead.PROPERTY, old);
      }
    }
  }
}
