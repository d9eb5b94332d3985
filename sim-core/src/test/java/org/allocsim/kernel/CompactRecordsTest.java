package org.allocsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompactRecordsTest {

  private static RecordList randomRecords(int n) {
    SplittableRandom r = new SplittableRandom(3);
    RecordList list = new RecordList();
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += r.nextInt(3) == 0 ? 0 : r.nextLong(1L << r.nextInt(40));
      long k1 = i % 97 == 0 ? Long.MIN_VALUE : i % 89 == 0 ? Long.MAX_VALUE : r.nextLong(1L << r.nextInt(63));
      long k2 = i % 5 == 0 ? -r.nextLong(1000) : r.nextLong(70_000);
      list.add(t, r.nextInt(64), "p" + r.nextInt(3), r.nextInt(9), k1, k2);
    }
    return list;
  }

  private static long[][] columns(RecordStream s) {
    RecordBatch b = new RecordBatch(1000);
    long[][] all = new long[6][0];
    try (s) {
      for (int n = s.read(b); n > 0; n = s.read(b)) {
        for (int c = 0; c < 6; c++) {
          long[] grown = java.util.Arrays.copyOf(all[c], all[c].length + n);
          for (int i = 0; i < n; i++) {
            grown[all[c].length + i] = switch (c) {
              case 0 -> b.time[i];
              case 1 -> b.cpu[i];
              case 2 -> b.program[i];
              case 3 -> b.operation[i];
              case 4 -> b.key1[i];
              default -> b.key2[i];
            };
          }
          all[c] = grown;
        }
      }
    }
    return all;
  }

  @Test
  void everyFieldRoundTripsAcrossChunksAndBatches() {
    RecordList list = randomRecords(150_000); // > 1 MiB encoded: several chunks
    CompactRecords compact = CompactRecords.of(list.stream(), Long.MAX_VALUE);
    assertEquals(150_000, compact.size());
    assertEquals(list.programNames(), compact.stream().programNames());
    long[][] want = columns(list.stream());
    long[][] first = columns(compact.stream());
    long[][] second = columns(compact.stream());
    for (int c = 0; c < 6; c++) {
      assertArrayEquals(want[c], first[c], "column " + c);
      assertArrayEquals(want[c], second[c], "column " + c + ", second reader");
    }
  }

  @Test
  void givesUpPastTheByteLimit() {
    assertNull(CompactRecords.of(randomRecords(20_000).stream(), 10_000));
  }

  @Test
  void recordsOnceGeneratesOnceForTheSameSeedAndAgainForAnother() {
    RecordList list = randomRecords(1000);
    AtomicInteger opened = new AtomicInteger();
    RecordsOnce once = new RecordsOnce(s -> {
      opened.incrementAndGet();
      return list.stream();
    }, Long.MAX_VALUE, 3);
    RandomStreams streams = new RandomStreams(5, 0);
    for (int run = 0; run < 3; run++) {
      assertArrayEquals(columns(list.stream())[4], columns(once.apply(new RandomStreams(5, 0)))[4]);
    }
    assertEquals(1, opened.get(), "three runs of one spec, one generation");
    once.apply(new RandomStreams(6, 0));
    assertEquals(2, opened.get(), "another seed draws its own records");
    once.apply(streams);
    assertEquals(3, opened.get(), "after the expected runs the records are let go");
    assertEquals(List.of("p0", "p1", "p2").containsAll(list.programNames()), true);
  }
}
