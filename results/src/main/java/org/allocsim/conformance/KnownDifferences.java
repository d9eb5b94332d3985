package org.allocsim.conformance;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The checked-in list of disagreements between the kernel and {@code global} that are understood: CSV with
 * {@code scenario,event,explanation}. A listed disagreement is reported but does not fail the check.
 */
final class KnownDifferences {
  private final Map<String, String> explanations;

  private KnownDifferences(Map<String, String> explanations) {
    this.explanations = explanations;
  }

  static KnownDifferences none() {
    return new KnownDifferences(Map.of());
  }

  static KnownDifferences read(Path file) throws IOException {
    Map<String, String> m = new HashMap<>();
    try (Reader r = Files.newBufferedReader(file)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setCommentMarker('#').build();
      for (CSVRecord rec : format.parse(r)) {
        if (!rec.isConsistent() || !rec.isMapped("explanation")) {
          throw new IllegalArgumentException(file + ":" + rec.getRecordNumber()
              + ": expected scenario,event,explanation");
        }
        m.put(rec.get("scenario") + "\u0000" + rec.get("event"), rec.get("explanation"));
      }
    }
    return new KnownDifferences(m);
  }

  /** The explanation of a listed difference, else empty. */
  String explain(String scenario, String event) {
    return explanations.getOrDefault(scenario + "\u0000" + event, "");
  }
}
