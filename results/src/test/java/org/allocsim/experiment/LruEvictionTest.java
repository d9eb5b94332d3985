package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.allocsim.kernel.RunResult;
import org.allocsim.metrics.Metric;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/** An LRU hash map evicts its least recently used element on a full update and releases its kptrs (issue 14). */
class LruEvictionTest {
  private static final String LRU = """
      name: lru
      description: "eight keys through a four-element LRU map"
      duration: 10ms
      parameters: {metrics.sample_interval_ns: 1ms}
      objects:
        o:
          types: {flow: 48}
          maps:
            M: {type: lru_hash, max_entries: 4, kptr: {state: flow}}
          programs:
            P:
              steps:
                - alloc_store: {type: flow, to: M.state}
                - take_drop: {from: M.state}
      timeline:
        - {at: 0, load: {object: o, as: o, by: agent}}
      records:
        - [1ms, 0, P, 0, 0]
        - [1ms, 0, P, 0, 1]
        - [1ms, 0, P, 0, 2]
        - [1ms, 0, P, 0, 3]
        - [2ms, 0, P, 1, 0]
        - [3ms, 0, P, 0, 4]
        - [3ms, 0, P, 0, 5]
        - [3ms, 0, P, 0, 6]
        - [4ms, 0, P, 1, 1]
        - [4ms, 0, P, 1, 6]
        - [5ms, 0, P, 1, 5]
      """;

  private static RunResult run(String text, String strategy) {
    return ScenarioText.run("lru.yaml", text, strategy);
  }

  @Test
  void aFullUpdateEvictsTheLeastRecentlyUsedElementAndReleasesItsKptr() {
    for (String s : Strategies.installed().names()) {
      RunResult r = run(LRU, s);
      // 0..3 fill the map; the take of 0 empties its field and makes 0 the most recently used, so 4, 5 and 6
      // evict 1, 2 and 3 (releasing their flows); the take of 1 finds no element, those of 6 and 5 drop theirs.
      assertEquals(1, r.series().last(Metric.LIVE_OBJECTS), s);
      assertEquals(0, r.summary().safetyViolations(), s);
      assertEquals(java.util.List.of(), r.invariantBreaches(), s);
    }
  }

  @Test
  void aPlainHashMapNeverEvicts() {
    // the same records in a hash map: keys 4..6 are outside max_entries, the lookups return NULL; 2 and 3 stay
    RunResult r = run(LRU.replace("lru_hash", "hash"), "global");
    assertEquals(2, r.series().last(Metric.LIVE_OBJECTS));
  }
}
