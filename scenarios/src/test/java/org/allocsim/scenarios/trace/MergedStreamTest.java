package org.allocsim.scenarios.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;
import org.junit.jupiter.api.Test;

class MergedStreamTest {

  @Test
  void interleavesByTimeWithTiesInStreamOrderAndRemapsPrograms() {
    RecordList generated = new RecordList()
        .add(10, 0, "balancer", 0, 1)
        .add(20, 0, "balancer", 1, 2)
        .add(30, 0, "balancer", 0, 3);
    RecordList trace = new RecordList()
        .add(5, 1, "sidecar", 0, 100)
        .add(20, 1, "balancer", 2, 101)
        .add(20, 1, "sidecar", 1, 102)
        .add(40, 1, "sidecar", 0, 103);
    RecordList expected = new RecordList()
        .add(5, 1, "sidecar", 0, 100)
        .add(10, 0, "balancer", 0, 1)
        .add(20, 0, "balancer", 1, 2)
        .add(20, 1, "balancer", 2, 101)
        .add(20, 1, "sidecar", 1, 102)
        .add(30, 0, "balancer", 0, 3)
        .add(40, 1, "sidecar", 0, 103);
    MergedStream merged = MergedStream.of(generated.stream(), trace.stream());
    assertEquals(List.of("balancer", "sidecar"), merged.programNames());
    // expected's own names come out in first-use order (sidecar first); compare by name instead of index
    assertEquals(named(expected.stream()), named(merged));
  }

  @Test
  void smallOutputBatchesLoseNothing() {
    MergedStream merged = MergedStream.of(new Generated(50_000, 1), new Generated(30_000, 2));
    RecordBatch small = new RecordBatch(7);
    long n = 0;
    long last = 0;
    while (merged.read(small) > 0) {
      for (int i = 0; i < small.size(); i++) {
        assertTrue(small.time[i] >= last, "time order");
        last = small.time[i];
      }
      n += small.size();
    }
    assertEquals(80_000, n);
    assertEquals(Generated.NAMES, merged.programNames());
  }

  @Test
  void anInputGoingBackInTimeIsReported() {
    RecordList bad = new RecordList().add(10, 0, "p", 0, 1).add(9, 0, "p", 0, 1);
    MergedStream merged = MergedStream.of(RecordStream.empty(), bad.stream());
    TraceException e = assertThrows(TraceException.class, () -> merged.read(new RecordBatch()));
    assertEquals("merged stream 1: time 9 ns goes back before 10 ns", e.getMessage());
  }

  @Test
  void closesEveryInput() {
    List<String> closed = new ArrayList<>();
    RecordStream a = closing("a", closed);
    RecordStream b = closing("b", closed);
    MergedStream.of(a, b).close();
    assertEquals(List.of("a", "b"), closed);
  }

  private static RecordStream closing(String name, List<String> closed) {
    return new RecordStream() {
      @Override
      public List<String> programNames() {
        return List.of();
      }

      @Override
      public int read(RecordBatch batch) {
        batch.clear();
        return 0;
      }

      @Override
      public void close() {
        closed.add(name);
      }
    };
  }

  /** Records with program names instead of indices. */
  private static List<String> named(RecordStream s) {
    List<String> out = new ArrayList<>();
    RecordBatch b = new RecordBatch();
    while (s.read(b) > 0) {
      for (int i = 0; i < b.size(); i++) {
        out.add(b.time[i] + " " + b.cpu[i] + " " + s.programNames().get(b.program[i]) + " " + b.step[i] + " "
            + b.key1[i] + " " + b.key2[i]);
      }
    }
    return out;
  }
}
