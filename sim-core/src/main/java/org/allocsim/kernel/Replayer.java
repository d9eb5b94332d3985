package org.allocsim.kernel;

/**
 * Applies trace records in batches between DSOL events. One DSOL event (the replay event) stands for the next
 * record; when it fires it applies every record that comes before the first pending DSOL event, in DSOL's own order
 * (time, then priority: records rank at {@link Priority#REPLAY}), and reschedules itself at the next record.
 * Events the records themselves schedule (an irq_work a few microseconds ahead) shorten the batch.
 */
final class Replayer {
  /**
   * Records whose map slots and object records are read before the first of them is applied (issue 17): system
   * property allocsim.replay.group, read when a run starts (default 16; 1 turns it off, for the bench's
   * comparison). The reads change nothing, so results are those of one record at a time, whatever the value.
   */
  private final int group = Math.max(1, Math.min(1024, Integer.getInteger("allocsim.replay.group", 16)));
  /**
   * The working set ({@link ReadAhead#workingSetBytes}) from which the replay reads ahead: system property
   * allocsim.replay.readahead.bytes, read when a run starts (0 reads ahead always). Results do not depend on it.
   * Default 8 MiB: on a 2-core EPYC (1 MiB L2, 32 MiB L3) the bench workload ran 40% faster without the read-ahead
   * at 2.4 MB, 10% at 4.8 MB, even at 8 MB, and 15-25% slower at 14-20 MB (issue 17): data the L3 holds misses
   * too briefly for the passes to pay.
   */
  private final long readAheadBytes = Long.getLong("allocsim.replay.readahead.bytes", 8L << 20);
  /** Whether this batch reads ahead: decided when a batch of records is read. */
  private boolean readAhead;
  private final Engine engine;
  private final DataPlane plane;
  private final RecordStream stream;
  private final int[] attachPointOf;
  private final int cpus;
  private final long endNs;
  private final RecordBatch batch = new RecordBatch();
  private int cursor;
  private long lastTime;
  private long recordIndex;
  private boolean exhausted;
  private long horizonTime = Long.MAX_VALUE;
  private short horizonPriority;
  private Runnable afterEach = () -> {};
  private final ReadAhead ahead = new ReadAhead(group);
  private int peekedUntil;

  Replayer(Engine engine, RecordStream stream, long endNs) {
    this.engine = engine;
    this.plane = engine.dataPlane();
    this.stream = stream;
    this.endNs = endNs;
    this.cpus = engine.memory().cpus();
    this.attachPointOf = stream.programNames().stream().mapToInt(engine.world()::attachPoint).toArray();
  }

  /** Runs after every record (the opt-in conservation check of {@link Simulation#runAudited}). */
  void afterEach(Runnable r) {
    this.afterEach = r;
  }

  /** Time of the next record, or -1 when none is left before the end of the run. */
  long nextTime() {
    if (exhausted) {
      return -1;
    }
    if (cursor == batch.size()) {
      if (stream.read(batch) == 0) {
        exhausted = true;
        return -1;
      }
      cursor = 0;
      peekedUntil = 0;
      readAhead = group > 1 && ReadAhead.workingSetBytes(engine.world(), engine.objects()) >= readAheadBytes;
    }
    long t = batch.time[cursor];
    if (t < lastTime) {
      throw new TraceException("record " + recordIndex + ": time " + t + " ns goes back before " + lastTime + " ns");
    }
    if (t > endNs) {
      exhausted = true;
      return -1;
    }
    return t;
  }

  /** The first pending DSOL event bounds the batch; {@link #noteScheduled} narrows it. */
  void setHorizon(long timeNs, short priority) {
    horizonTime = timeNs;
    horizonPriority = priority;
  }

  /** Called for every event scheduled while a batch runs. */
  void noteScheduled(long timeNs, short priority) {
    if (timeNs < horizonTime || (timeNs == horizonTime && priority > horizonPriority)) {
      horizonTime = timeNs;
      horizonPriority = priority;
    }
  }

  /** Applies records until the horizon; returns the time of the next record, or -1 at the end. */
  long runBatch() {
    for (long t = nextTime(); t >= 0; t = nextTime()) {
      if (t > horizonTime || (t == horizonTime && horizonPriority > Priority.REPLAY)) {
        return t;
      }
      apply(t);
    }
    return -1;
  }

  /** Applies the next record alone (the naive driver: one DSOL event per record); returns as runBatch. */
  long runOne() {
    long t = nextTime();
    if (t < 0) {
      return -1;
    }
    apply(t);
    return nextTime();
  }

  /** Reads ahead the slots and object records of the next group of records (see {@link ReadAhead}). */
  private void peekAhead() {
    int to = Math.min(batch.size(), cursor + group);
    ahead.run(batch, cursor, to, attachPointOf, plane, engine.world(), engine.objects());
    peekedUntil = to;
  }

  private void apply(long t) {
    if (readAhead && cursor >= peekedUntil) {
      peekAhead();
    }
    int i = cursor++;
    int cpu = batch.cpu[i];
    int program = batch.program[i];
    if (cpu < 0 || cpu >= cpus) {
      throw new TraceException("record " + recordIndex + ": cpu " + cpu + " is outside 0.." + (cpus - 1));
    }
    if (program < 0 || program >= attachPointOf.length) {
      throw new TraceException("record " + recordIndex + ": program " + program + " is not in the trace's "
          + attachPointOf.length + " programs");
    }
    lastTime = t;
    recordIndex++;
    engine.setNow(t);
    plane.apply(cpu, attachPointOf[program], batch.step[i], batch.key1[i], batch.key2[i]);
    afterEach.run();
  }

  void close() {
    stream.close();
  }
}
