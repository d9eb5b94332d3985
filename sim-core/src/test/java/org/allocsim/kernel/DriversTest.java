package org.allocsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.allocsim.memory.ExecContext;
import org.allocsim.metrics.Metric;
import org.junit.jupiter.api.Test;

/** The three drivers differ only in speed: the same spec gives the same results under each. */
class DriversTest {
  private static final long RECORDS = 300_000;

  private static RunSpec spec() {
    return RunSpec.builder("drivers").duration(2 * Fixtures.S).seed(7)
        .set("metrics.sample_interval_ns", "100000000")
        .at(0, new ControlAction.LoadObject("agent", Fixtures.stash(ExecContext.SOFTIRQ, "/sys/fs/bpf/stash"), "k1"))
        .at(Fixtures.S, new ControlAction.LoadObject("agent",
            Fixtures.stash(ExecContext.SOFTIRQ, "/sys/fs/bpf/stash"), "k2"))
        .at(Fixtures.S, new ControlAction.CloseObject("k1", false))
        .records(rs -> new SyntheticWorkload(rs, RECORDS, 200_000, 4, 1024)).build();
  }

  @Test
  void everyDriverGivesTheBatchedResults() {
    RunResult batched = Simulation.run(spec(), new SingleAllocator());
    assertEquals(RECORDS, batched.summary().records());
    for (ReplayDriver d : new ReplayDriver[] {ReplayDriver.NAIVE_DSOL, ReplayDriver.PLAIN_LOOP}) {
      RunResult r = Simulation.run(spec(), new SingleAllocator(), d, t -> {});
      assertEquals(batched.summary(), r.summary(), d.name());
      assertEquals(batched.verdicts(), r.verdicts(), d.name());
      assertEquals(batched.violationCounts(), r.violationCounts(), d.name());
      assertArrayEquals(batched.series().times(), r.series().times(), d.name());
      for (Metric m : Metric.values()) {
        assertArrayEquals(batched.series().values(m), r.series().values(m), d + " " + m.label());
      }
    }
  }

  /**
   * Reading a group's slots and objects ahead (issue 17) changes nothing: one record at a time gives the same. The
   * working-set threshold is 0, so the small test run reads ahead as a large one would.
   */
  @Test
  void groupedReadsAheadGiveTheOneAtATimeResults() {
    String key = "allocsim.replay.group";
    String threshold = "allocsim.replay.readahead.bytes";
    String before = System.getProperty(key);
    String thresholdBefore = System.getProperty(threshold);
    try {
      System.setProperty(threshold, "0");
      System.setProperty(key, "1");
      RunResult single = Simulation.run(spec(), new SingleAllocator());
      for (String group : new String[] {"3", "16", "1024"}) {
        System.setProperty(key, group);
        RunResult grouped = Simulation.run(spec(), new SingleAllocator());
        assertEquals(single.summary(), grouped.summary(), group);
        assertEquals(single.violationCounts(), grouped.violationCounts(), group);
        for (Metric m : Metric.values()) {
          assertArrayEquals(single.series().values(m), grouped.series().values(m), group + " " + m.label());
        }
      }
    } finally {
      restore(key, before);
      restore(threshold, thresholdBefore);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void recordListsCopyWholeColumnsIntoBatches() {
    RecordList list = new RecordList();
    for (int i = 0; i < 20_000; i++) {
      list.add(i, i % 4, i % 3 == 0 ? "a" : "b", i % 2, i * 3L, i * 5L);
    }
    RecordList copy = RecordList.of(list.stream());
    assertEquals(list.size(), copy.size());
    assertEquals(list.programNames(), copy.programNames());
    RecordBatch x = new RecordBatch(1000);
    RecordBatch y = new RecordBatch(777);
    RecordStream a = list.stream();
    RecordStream b = copy.stream();
    long sum = 0;
    long sumCopy = 0;
    for (int n = a.read(x); n > 0; n = a.read(x)) {
      for (int i = 0; i < n; i++) {
        sum = sum * 31 + x.time[i] + x.cpu[i] + 7L * x.program[i] + x.step[i] + x.key1[i] + x.key2[i];
      }
    }
    for (int n = b.read(y); n > 0; n = b.read(y)) {
      for (int i = 0; i < n; i++) {
        sumCopy = sumCopy * 31 + y.time[i] + y.cpu[i] + 7L * y.program[i] + y.step[i] + y.key1[i]
            + y.key2[i];
      }
    }
    assertEquals(sum, sumCopy);
  }
}
