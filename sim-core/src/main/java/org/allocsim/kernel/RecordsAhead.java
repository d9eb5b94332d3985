package org.allocsim.kernel;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A record stream drawn ahead on its own thread into a few reusable batches. A generated workload and its replay
 * on one thread took the sum of their times (issue 17: the generator was 70-80 % of a library run); on two cores
 * a run takes about the slower of the two. The records and their order are the source's, whatever the threads: the
 * producer is the only reader of the source. A failure of the source is rethrown (the same exception) by the read
 * that would have met it, after every record before it. The producer starts at the first read, and
 * {@link #close()} stops it and closes the source before returning.
 */
public final class RecordsAhead implements RecordStream {
  /**
   * System property allocsim.records.ahead, read when a stream is wrapped (default true; false draws records on
   * the reading thread as before, for the bench's comparison). Either way the records are the same.
   */
  public static final String PROPERTY = "allocsim.records.ahead";
  private static final int BATCHES = 3;
  private static final int CAPACITY = 4096;
  private static final AtomicLong THREADS = new AtomicLong();

  private final RecordStream source;
  private final List<String> names;
  private final BlockingQueue<RecordBatch> free = new ArrayBlockingQueue<>(BATCHES);
  /** Filled batches in order; an empty one ends the stream (and may carry {@link #failure}). */
  private final BlockingQueue<RecordBatch> filled = new ArrayBlockingQueue<>(BATCHES + 1);
  private volatile Throwable failure;
  /** The source's close failed on the producer: rethrown by {@link #close()}. */
  private volatile RuntimeException closeFailure;
  private Thread producer;
  private RecordBatch current;
  private int offset;
  private boolean ended;

  private RecordsAhead(RecordStream source) {
    this.source = source;
    this.names = source.programNames();
    for (int i = 0; i < BATCHES; i++) {
      free.add(new RecordBatch(CAPACITY));
    }
  }

  /** source read ahead on a thread of its own, unless {@value #PROPERTY} is false. */
  public static RecordStream of(RecordStream source) {
    Objects.requireNonNull(source, "source");
    boolean ahead = Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    return ahead && !(source instanceof RecordsAhead) ? new RecordsAhead(source) : source;
  }

  @Override
  public List<String> programNames() {
    return names;
  }

  @Override
  public int read(RecordBatch batch) {
    batch.clear();
    if (producer == null) {
      producer = new Thread(this::produce, "allocsim-records-" + THREADS.incrementAndGet());
      producer.setDaemon(true);
      producer.start();
    }
    if (current == null && !ended) {
      current = take();
      offset = 0;
      ended = current.size() == 0;
    }
    if (ended) {
      Throwable t = failure;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t != null) {
        throw (Error) t;
      }
      return 0;
    }
    int n = Math.min(current.size() - offset, batch.capacity());
    System.arraycopy(current.time, offset, batch.time, 0, n);
    System.arraycopy(current.cpu, offset, batch.cpu, 0, n);
    System.arraycopy(current.program, offset, batch.program, 0, n);
    System.arraycopy(current.step, offset, batch.step, 0, n);
    System.arraycopy(current.key1, offset, batch.key1, 0, n);
    System.arraycopy(current.key2, offset, batch.key2, 0, n);
    batch.setSize(n);
    offset += n;
    if (offset == current.size()) {
      free.add(current); // never full: only BATCHES batches exist
      current = null;
    }
    return n;
  }

  private RecordBatch take() {
    try {
      return filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for records", e);
    }
  }

  /** The producer: fills free batches until the source ends, fails, or the reader closes the stream. */
  private void produce() {
    try {
      while (true) {
        RecordBatch b = free.take();
        int n = source.read(b);
        filled.put(b);
        if (n == 0) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed by the reader: nobody waits for more records
    } catch (RuntimeException | Error e) {
      failure = e;
      filled.add(new RecordBatch(1)); // room for it: at most BATCHES batches are ever in the queue
    } finally {
      try {
        source.close();
      } catch (RuntimeException e) {
        closeFailure = e;
      }
    }
  }

  /** Stops the producer and closes the source (on the producer's thread, before this returns). */
  @Override
  public void close() {
    if (producer == null) {
      source.close();
      return;
    }
    producer.interrupt();
    boolean interrupted = false;
    while (producer.isAlive()) {
      try {
        producer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (closeFailure != null) {
      throw closeFailure;
    }
  }
}
