package org.allocsim.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.ReplayDriver;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/**
 * The per-record path allocates nothing (issue 17): the heap bytes a replay allocates on its thread, counted by the
 * JVM, grow by at most two bytes per record when the records double (before issue 17's tables: 48 to 59). The
 * workload is the bench's mix on 16k keys with 7 ms flows, whose live set (about 10k objects) is reached early;
 * fixed costs (the world, the reloads) cancel out. What remains, about one byte per record, is state that grows
 * with simulated time (JFR: slot tables rehashed as keys are first touched), not garbage per record. The plain-loop
 * driver runs the engine on this thread (DSOL would run it on a worker of its own); DriversTest shows both drivers
 * give the same results.
 */
class ReplayAllocationTest {
  /** Bytes per record allowed: one Java object per record would cost at least 16, one per eight records 2. */
  private static final double MAX_BYTES_PER_RECORD = 2.0;

  private static RunSpec workload(long durationNs) {
    RunSpec generated = BenchWorkload.generatedFor(durationNs, Map.of("flow_lifetime", "7ms", "keys", "16384"));
    RecordList records = BenchWorkload.record(generated);
    return BenchWorkload.replaying(generated, records);
  }

  private static long records(RunSpec spec) {
    return Simulation.run(spec, Strategies.installed().create("global"), ReplayDriver.PLAIN_LOOP, t -> {}).summary()
        .records();
  }

  @Test
  void noStrategyAllocatesPerRecord() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    RunSpec shorter = workload(150_000_000L);
    RunSpec longer = workload(300_000_000L);
    long extraRecords = records(longer) - records(shorter);
    assertTrue(extraRecords > 300_000, "the longer run has " + extraRecords + " more records");
    Strategies installed = Strategies.installed();
    long thread = Thread.currentThread().getId();
    for (String name : installed.names()) {
      double perRecord = Double.MAX_VALUE;
      for (int attempt = 0; attempt < 2; attempt++) { // the first runs of a strategy compile its code
        long before = threads.getThreadAllocatedBytes(thread);
        Simulation.run(shorter, installed.create(name), ReplayDriver.PLAIN_LOOP, t -> {});
        long middle = threads.getThreadAllocatedBytes(thread);
        Simulation.run(longer, installed.create(name), ReplayDriver.PLAIN_LOOP, t -> {});
        long after = threads.getThreadAllocatedBytes(thread);
        perRecord = Math.min(perRecord, (double) ((after - middle) - (middle - before)) / extraRecords);
      }
      assertTrue(perRecord < MAX_BYTES_PER_RECORD, name + " allocates " + perRecord + " bytes per record");
    }
  }
}
