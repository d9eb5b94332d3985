package org.allocsim.params;

/**
 * The bounds on every input that could otherwise exhaust the stack or the heap (issue 15: a 2,000-deep flow
 * sequence overflowed the stack, {@code --replications 2147483647} the heap). Each can be raised with a system
 * property, passed through {@code ALLOCSIM_JAVA_OPTS}; the README's Reliability section lists them.
 */
public enum Limit {
  /** Nesting of YAML collections in a scenario; a real scenario nests about six deep. */
  YAML_DEPTH("allocsim.max_yaml_depth", 64, "levels of YAML nesting"),
  /** Characters on one line of a scenario or a text trace. */
  LINE_LENGTH("allocsim.max_line_length", 4096, "characters on a line"),
  /** Metric samples of one run: duration / metrics.sample_interval_ns + 1. */
  SAMPLES("allocsim.max_samples", 200_000, "metric samples per run"),
  /** Replications of a run or of a sweep point. */
  REPLICATIONS("allocsim.max_replications", 10_000, "replications"),
  /** Records in one trace file: far above the 10^9 the replay is built for, below a counter's overflow. */
  TRACE_RECORDS("allocsim.max_trace_records", 100_000_000_000L, "records in a trace");

  private final String property;
  private final long defaultValue;
  private final String what;

  Limit(String property, long defaultValue, String what) {
    this.property = property;
    this.defaultValue = defaultValue;
    this.what = what;
  }

  /** The bound in force: the system property when set to a positive whole number, else the default. */
  public long value() {
    String v = System.getProperty(property);
    if (v != null) {
      try {
        long n = Long.parseLong(v.strip());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // an unreadable property leaves the default: the message below names the property to fix
      }
    }
    return defaultValue;
  }

  public String property() {
    return property;
  }

  public long defaultValue() {
    return defaultValue;
  }

  /** The end of a message: "the limit is 64 levels of YAML nesting (raise it with ...)". */
  public String explain() {
    return "the limit is " + value() + " " + what + " (raise it with ALLOCSIM_JAVA_OPTS=-D" + property + "=N)";
  }
}
