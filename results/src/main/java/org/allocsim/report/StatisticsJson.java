package org.allocsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.allocsim.stats.Estimate;
import org.allocsim.stats.ReplicationStatistics;

/** The "statistics" object of summary.json: per strategy and per pair of strategies, each metric's estimate. */
public final class StatisticsJson {
  private StatisticsJson() {}

  public static void put(ObjectNode parent, ReplicationStatistics stats) {
    ObjectNode o = parent.putObject("statistics");
    o.put("replications", stats.replications());
    o.put("confidence", Estimate.LEVEL);
    o.put("interval", "Student t, two-sided; paired differences are first minus second, per replication");
    ObjectNode strategies = o.putObject("strategies");
    stats.strategies().forEach((name, metrics) -> metrics(strategies.putObject(name), metrics));
    ArrayNode pairs = o.putArray("paired_differences");
    for (ReplicationStatistics.Pair p : stats.pairs()) {
      ObjectNode n = pairs.addObject();
      n.put("first", p.first());
      n.put("second", p.second());
      metrics(n.putObject("difference"), p.differences());
    }
  }

  public static void metrics(ObjectNode parent, Map<String, Estimate> metrics) {
    metrics.forEach((metric, e) -> estimate(parent.putObject(metric), e));
  }

  /** mean, sd, ci_low, ci_high; null where undefined (one replication). */
  public static void estimate(ObjectNode n, Estimate e) {
    n.put("n", e.n());
    number(n, "mean", e.mean());
    number(n, "sd", e.sd());
    number(n, "ci_low", e.lower());
    number(n, "ci_high", e.upper());
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }
}
