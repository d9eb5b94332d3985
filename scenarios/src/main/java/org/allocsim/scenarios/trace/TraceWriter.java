package org.allocsim.scenarios.trace;

import java.io.IOException;
import org.allocsim.kernel.RecordStream;

/**
 * Writes one record stream to the file it was opened on. Open, {@link #write} once, close: the program names go
 * first, so a second stream could not join them. Callers wanting an all-or-nothing file use
 * {@link TraceFiles#write}.
 */
public interface TraceWriter extends AutoCloseable {

  /** Writes every record of {@code records} (which stays open); returns how many. */
  long write(RecordStream records) throws IOException;

  /** Flushes, forces to disk and closes. */
  @Override
  void close() throws IOException;
}
