package org.allocsim.kernel;

import java.util.List;

/**
 * A source of trace records in time order. Program slots are indices into {@link #programNames()}: records name
 * attach points, not loads, so a reloaded program takes over its predecessor's traffic.
 */
public interface RecordStream extends AutoCloseable {

  /** Attach-point names; record field {@code program} indexes this list. */
  List<String> programNames();

  /**
   * Clears batch and fills it with the next records; returns how many (0 at the end). Throws
   * {@link TraceException} for a malformed record.
   */
  int read(RecordBatch batch);

  @Override
  default void close() {}

  /** A stream with no records. */
  static RecordStream empty() {
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
    };
  }
}
