package org.allocsim.kernel;

import java.util.function.Function;

/**
 * A run spec's record source that generates its records once and replays them for every later run of the same
 * spec (every strategy of a check or sweep cell). The spec fixes the seed and replication, so every run would
 * draw the same records; runs in parallel wait for the first generation. Records that would not fit in
 * {@code maxBytes}, or a source that fails, are streamed from the source for each run as before. After the expected number of runs the records are let go
 * (a later run streams from the source again).
 */
final class RecordsOnce implements Function<RandomStreams, RecordStream> {
  private final Function<RandomStreams, RecordStream> source;
  private final long maxBytes;
  private int uses;
  private RandomStreams first;
  private CompactRecords records;

  RecordsOnce(Function<RandomStreams, RecordStream> source, long maxBytes, int uses) {
    this.source = source;
    this.maxBytes = maxBytes;
    this.uses = uses;
  }

  @Override
  public RecordStream apply(RandomStreams streams) {
    CompactRecords r = generated(streams);
    return r != null ? r.stream() : source.apply(streams);
  }

  private synchronized CompactRecords generated(RandomStreams streams) {
    if (first == null) {
      first = streams;
      try {
        records = CompactRecords.of(source.apply(streams), maxBytes);
      } catch (RuntimeException e) {
        // A malformed trace fails each run where it fails today, after the records before it.
        records = null;
      }
    }
    // A spec copied with another seed (RunSpec.withSeed) draws other records.
    boolean same = first.seed() == streams.seed() && first.replication() == streams.replication();
    CompactRecords r = same ? records : null;
    if (same && --uses == 0) {
      records = null; // the last run has its stream: the spec no longer keeps the records reachable
    }
    return r;
  }
}
