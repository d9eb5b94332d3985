package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.allocsim.strategy.LoadVerdict;

/** Why: the verifier's decisions of a run and their counts are one record, kept apart from the engine's services. */
final class LoadVerdicts {
  private final List<LoadRecord> records = new ArrayList<>();
  private long accepted;
  private long rejected;

  void record(long timeNs, String subject, String btf, LoadVerdict v) {
    records.add(new LoadRecord(timeNs, subject, btf, v.accepted(), v.reason()));
    if (v.accepted()) {
      accepted++;
    } else {
      rejected++;
    }
  }

  long accepted() {
    return accepted;
  }

  long rejected() {
    return rejected;
  }

  List<LoadRecord> records() {
    return records;
  }
}
