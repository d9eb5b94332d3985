package org.allocsim.scenarios.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.junit.jupiter.api.Test;

/** Determinism, stream independence, merge order, time windows and bounds of the merged stream. */
class WorkloadStreamTest {
  private static final long MS = 1_000_000L;

  private static ProgramWorkload flows(Lifetime l) {
    return new ProgramWorkload("balancer_ingress", RunArrivals.poisson(50_000), new double[] {3, 0, 1},
        KeyChoice.zipf(4096, 0.9)).withLifetime(l);
  }

  @Test
  void theSameSeedGivesIdenticalRecordsAndAnotherSeedDoesNot() {
    ProgramWorkload w = flows(Lifetime.logNormal(0, 1, 2 * MS, 1.0));
    Drained a = Drained.of(w, 7, 4, 200 * MS);
    Drained b = Drained.of(w, 7, 4, 200 * MS);
    Drained c = Drained.of(w, 8, 4, 200 * MS);
    assertTrue(a.size > 30_000, "records: " + a.size);
    assertArrayEquals(a.all(), b.all());
    assertFalse(Arrays.deepEquals(a.all(), c.all()));
  }

  @Test
  void changingTheLifetimeLeavesTheArrivalsIdentical() {
    long[][] arrivals = Drained.of(flows(Lifetime.logNormal(0, 1, 2 * MS, 1.0)), 3, 4, 100 * MS).withStep(1, false);
    assertTrue(arrivals.length > 15_000);
    for (Lifetime other : List.of(Lifetime.logNormal(0, 1, 9 * MS, 0.3), Lifetime.exponential(0, 1, 5 * MS),
        new Lifetime(0, 1, "gamma", Map.of("shape", 2.0, "scale", 1e6)))) {
      Drained d = Drained.of(flows(other), 3, 4, 100 * MS);
      assertArrayEquals(arrivals, d.withStep(1, false), other.toString());
      assertTrue(d.withStep(1, true).length > 1000, "releases under " + other);
    }
    assertArrayEquals(arrivals, Drained.of(flows(null), 3, 4, 100 * MS).all());
  }

  @Test
  void recordsComeOutInTimeOrderAndTiesKeepListOrder() {
    // A mean gap of a quarter nanosecond per program makes equal timestamps across programs common.
    ProgramWorkload a = new ProgramWorkload("a", RunArrivals.poisson(1e9), new double[] {1, 0},
        KeyChoice.uniform(1 << 20)).withLifetime(Lifetime.exponential(0, 1, 50));
    ProgramWorkload b = new ProgramWorkload("b", RunArrivals.poisson(1e9), new double[] {1}, KeyChoice.uniform(8));
    // Checked as the records stream past: about 2.4M of them would take a hundred MB held (the module's tests run
    // in a 256 MB heap).
    RecordStream s = Workload.stream(List.of(a, b), new RandomStreams(5, 0), 4, 200_000);
    assertEquals(List.of("a", "b"), s.programNames());
    RecordBatch batch = new RecordBatch(1000);
    long records = 0;
    long previousTime = Long.MIN_VALUE;
    int previousProgram = -1;
    int crossTies = 0;
    while (s.read(batch) > 0) {
      for (int i = 0; i < batch.size(); i++, records++) {
        long t = batch.time[i];
        int program = batch.program[i];
        assertTrue(t >= previousTime, "record " + records + " goes back in time");
        if (t == previousTime && program != previousProgram) {
          assertTrue(previousProgram < program, "tie at " + t + " out of list order");
          crossTies++;
        }
        previousTime = t;
        previousProgram = program;
      }
    }
    assertTrue(records > 1_000_000, "records: " + records);
    assertTrue(crossTies > 1000, "ties: " + crossTies);
  }

  @Test
  void arrivalsStayInsideTheirWindowAndNothingReachesTheEnd() {
    ProgramWorkload w = flows(Lifetime.constant(0, 1, 30 * MS)).between(20 * MS, 60 * MS);
    Drained d = Drained.of(w, 11, 2, 80 * MS);
    long firstArrival = Long.MAX_VALUE;
    long lastArrival = 0;
    int lateReleases = 0;
    for (int i = 0; i < d.size; i++) {
      assertTrue(d.time[i] < 80 * MS);
      if (d.step[i] == 1) {
        assertTrue(d.time[i] >= 50 * MS, "a release before any store could be due");
        lateReleases += d.time[i] >= 60 * MS ? 1 : 0;
      } else {
        firstArrival = Math.min(firstArrival, d.time[i]);
        lastArrival = Math.max(lastArrival, d.time[i]);
      }
    }
    assertTrue(firstArrival >= 20 * MS && firstArrival < 20 * MS + 100_000, "first " + firstArrival);
    assertTrue(lastArrival < 60 * MS && lastArrival > 60 * MS - 100_000, "last " + lastArrival);
    // Stores after 50 ms would release after 80 ms: those releases are dropped, the rest follow the window.
    assertTrue(lateReleases > 1000, "releases after untilNs: " + lateReleases);
  }

  @Test
  void aReleaseRepeatsItsStoresCpuAndKeys() {
    ProgramWorkload w = new ProgramWorkload("p", RunArrivals.poisson(100_000), new double[] {1, 0, 1},
        KeyChoice.uniform(1L << 50)).withLifetime(Lifetime.logNormal(0, 1, MS, 1.5));
    Drained d = Drained.of(w, 2, 4, 300 * MS);
    Map<Long, long[]> stored = new HashMap<>();
    int released = 0;
    for (int i = 0; i < d.size; i++) {
      if (d.step[i] == 0) {
        stored.put(d.key1[i], d.row(i));
      } else if (d.step[i] == 1) {
        long[] s = stored.remove(d.key1[i]);
        assertTrue(s != null, "release of a key never stored: " + d.key1[i]);
        assertEquals(s[1], d.cpu[i]);
        assertEquals(s[5], d.key2[i]);
        assertTrue(d.time[i] >= s[0]);
        released++;
      }
    }
    assertTrue(released > 50_000, "released " + released);
  }

  @Test
  void aProgramsSecondWorkloadSharesItsSlotButNotItsDraws() {
    ProgramWorkload steady = new ProgramWorkload("p", RunArrivals.poisson(100_000), new double[] {1},
        KeyChoice.uniform(100));
    ProgramWorkload burst = steady.between(0, 10 * MS);
    Drained d = Drained.of(List.of(steady, burst, steady.onCpus(List.of(0)).between(0, 10 * MS)), 1, 2, 10 * MS);
    assertEquals(List.of("p"), d.programs);
    Drained alone = Drained.of(steady, 1, 2, 10 * MS);
    // The first workload draws exactly as it does alone; the others add records of their own.
    assertTrue(d.size > 2 * alone.size, d.size + " vs " + alone.size);
    Set<Long> times = new HashSet<>();
    for (int i = 0; i < alone.size; i++) {
      times.add(alone.time[i]);
    }
    int shared = 0;
    for (int i = 0; i < d.size; i++) {
      shared += times.contains(d.time[i]) ? 1 : 0;
    }
    assertTrue(shared >= alone.size && shared < alone.size + 50, "shared " + shared);
  }

  @Test
  void maxRecordsStopsTheStreamAndAnEmptyReadEndsIt() {
    RecordStream s = Workload.stream(List.of(flows(null)), new RandomStreams(1, 0), 4, Long.MAX_VALUE, 12_345);
    RecordBatch batch = new RecordBatch(1000);
    long n = 0;
    for (int r = s.read(batch); r > 0; r = s.read(batch)) {
      n += r;
    }
    assertEquals(12_345, n);
    assertEquals(0, s.read(batch));
  }

  @Test
  void pendingReleasesAllocateNothingPerRecord() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean, "no per-thread allocation counter");
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    ProgramWorkload w = flows(Lifetime.logNormal(0, 1, 100_000, 1.0));
    RecordStream s = Workload.stream(List.of(w, w.between(0, Long.MAX_VALUE / 2)), new RandomStreams(1, 0), 4,
        Long.MAX_VALUE, 3_000_000);
    RecordBatch batch = new RecordBatch();
    s.read(batch);
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    long n = 0;
    for (int r = s.read(batch); r > 0; r = s.read(batch)) {
      n += r;
    }
    long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertTrue(n > 2_900_000);
    // One 16-byte object per record would be 46 MB; the heap's array doublings are a few kilobytes.
    assertTrue(bytes < 1_000_000, "allocated " + bytes + " bytes for " + n + " records");
  }
}
