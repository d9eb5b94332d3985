package org.allocsim.kernel;

import java.util.List;
import org.allocsim.memory.Slab;
import org.allocsim.metrics.Metric;
import org.allocsim.metrics.MetricSeries;
import org.allocsim.metrics.RunSummary;

/** Assembles a {@link RunResult} from a finished engine. */
final class RunResults {
  private RunResults() {}

  static RunResult of(RunSpec spec, String strategy, Engine engine, MetricSeries series, List<String> breaches) {
    Slab slab = engine.slab();
    long served = slab.warmAllocs() + slab.coldAllocs();
    RunSummary summary = new RunSummary(
        engine.verdicts().accepted(),
        engine.verdicts().rejected(),
        engine.oracle().total(),
        slab.failedAllocs(),
        engine.dataPlane().nullAllocs(),
        Math.max(slab.peakBytes(), series.max(Metric.TOTAL_BYTES)),
        series.last(Metric.TOTAL_BYTES),
        series.last(Metric.STRANDED_BYTES),
        served == 0 ? 0.0 : (double) slab.warmAllocs() / served,
        engine.bookkeepingOps(),
        engine.dataPlane().records(),
        engine.dataPlane().idleRuns());
    return new RunResult(spec.name(), strategy, spec.seed(), spec.replication(), summary, series,
        List.copyOf(engine.verdicts().records()), engine.oracle().violations(), engine.oracle().counts(),
        List.copyOf(breaches));
  }
}
