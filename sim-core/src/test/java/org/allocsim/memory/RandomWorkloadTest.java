package org.allocsim.memory;

import static org.allocsim.memory.MemoryChecks.assertConserved;
import static org.allocsim.memory.MemoryChecks.assertConsistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** 100k random mixed operations: conservation after every op and every timer event, and determinism. */
class RandomWorkloadTest {
  private static final int OPS = 100_000;
  private static final int CPUS = 4;
  private static final ExecContext[] CONTEXTS = ExecContext.values();
  private static final FreePath[] PATHS = FreePath.values();

  /** Everything a run produces that a second run with the same seed must reproduce. */
  private record Summary(long warm, long cold, long failed, long slabAllocated, long slabReturned,
      List<Long> perAllocator, int capacity, long now) {}

  private static final class Run {
    final ManualTimers timers = new ManualTimers();
    final Slab slab = new Slab(MemoryParams.defaults(CPUS).withRcuTasksTraceImpliesRcu(false), timers);
    final List<BpfMemAlloc> all = new ArrayList<>();
    final List<BpfMemAlloc> active = new ArrayList<>();
    final List<List<Integer>> live = new ArrayList<>();
    final SplittableRandom rnd;
    int nextId = 1;

    Run(long seed) {
      rnd = new SplittableRandom(seed);
      create(0);
      create(72);
      create(1032);
      create(8192);
    }

    void create(int fixedUnit) {
      BpfMemAlloc ma = slab.create(nextId++, "ma" + nextId, fixedUnit);
      all.add(ma);
      active.add(ma);
      live.add(new ArrayList<>());
    }

    void checkAll() {
      for (BpfMemAlloc ma : all) {
        assertConserved(ma);
      }
    }

    Summary go() {
      for (int op = 0; op < OPS; op++) {
        step();
        checkAll();
        if (op % 10_000 == 0) {
          assertConsistent(slab, all);
        }
      }
      timers.runUntil(timers.now() + 1_000_000_000L, this::checkAll);
      assertConsistent(slab, all);
      List<Long> per = new ArrayList<>();
      for (BpfMemAlloc ma : all) {
        per.add(ma.liveBytes());
        per.add(ma.cachedBytes());
        per.add(ma.waitingBytes());
        per.add(ma.allocatedBytes());
        per.add(ma.returnedBytes());
        per.add(ma.lastRcuFreeTime());
      }
      return new Summary(slab.warmAllocs(), slab.coldAllocs(), slab.failedAllocs(), slab.slabAllocatedBytes(),
          slab.slabReturnedBytes(), per, slab.objects().capacity(), timers.now());
    }

    private void step() {
      int roll = rnd.nextInt(10_000);
      int k = rnd.nextInt(active.size());
      BpfMemAlloc ma = active.get(k);
      List<Integer> objs = live.get(k);
      int cpu = rnd.nextInt(CPUS);
      if (roll < 4_800) {
        int size = ma.fixedUnitBytes() == 0 ? rnd.nextInt(4200) : ma.fixedUnitBytes() - SizeClasses.HEADER_BYTES;
        int obj = ma.alloc(cpu, size, CONTEXTS[rnd.nextInt(CONTEXTS.length)]);
        if (obj >= 0) {
          assertEquals(ObjectTable.LIVE, slab.objects().state(obj));
          objs.add(obj);
        }
      } else if (roll < 9_000) {
        if (!objs.isEmpty()) {
          int obj = objs.remove(rnd.nextInt(objs.size()));
          ma.free(obj, cpu, PATHS[rnd.nextInt(PATHS.length)]);
          // listed, not merely not live; isListed reads the record, where state() would search every list
          assertTrue(slab.objects().isListed(obj), "object " + obj + " freed onto a list");
        }
      } else if (roll < 9_900) {
        long dt = rnd.nextInt(4) == 0 ? rnd.nextLong(60_000_000L) : rnd.nextLong(5_000L);
        timers.runUntil(timers.now() + dt, this::checkAll);
      } else if (roll < 9_995) {
        ma.prefill(cpu, rnd.nextInt(ma.classCount()), rnd.nextInt(50));
      } else {
        // the world drops an allocator (its live objects leak, as in the kernel) and makes a new one
        ma.destroy();
        active.remove(k);
        live.remove(k);
        int[] units = {0, 72, 1032, 8192};
        create(units[rnd.nextInt(units.length)]);
      }
    }
  }

  @Test
  void conservationHoldsAfterEveryOperationAndEvent() {
    Run run = new Run(42);
    Summary s = run.go();
    assertTrue(s.warm() > 0 && s.cold() > 0 && s.failed() > 0, "the workload exercises every outcome: " + s);
    assertTrue(run.all.size() > 4, "some allocators were destroyed and replaced");
    assertTrue(run.active.stream().anyMatch(ma -> ma.returnedBytes() > 0),
        "grace periods returned objects to slab, not only destroy");
  }

  @Test
  void sameSeedSameCounters() {
    assertEquals(new Run(7).go(), new Run(7).go());
  }
}
