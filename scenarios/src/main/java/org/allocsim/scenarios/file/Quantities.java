package org.allocsim.scenarios.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations and sizes as people write them: {@code 10ms}, {@code 2h}, {@code 1.5s}, {@code 64K}, {@code 1_000}. */
final class Quantities {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min|h)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]i?B?|B)?");

  private Quantities() {}

  /** Nanoseconds, or -1 when text is not a duration. A bare number is nanoseconds. */
  static long durationNs(String text) {
    Matcher m = DURATION.matcher(text.replace("_", "").trim());
    if (!m.matches()) {
      return -1;
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ns" : m.group(2);
    double scale = switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m", "min" -> 60e9;
      default -> 3600e9;
    };
    double ns = v * scale;
    if (ns > Long.MAX_VALUE / 2.0 || ns != Math.rint(ns)) {
      return -1;
    }
    return (long) ns;
  }

  /** Bytes, or -1 when text is not a size. K, M, G are powers of 1024. */
  static long bytes(String text) {
    Matcher m = SIZE.matcher(text.replace("_", "").trim());
    if (!m.matches()) {
      return -1;
    }
    long v;
    try {
      v = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
    String unit = m.group(2) == null ? "B" : m.group(2).substring(0, 1);
    int shift = switch (unit) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      default -> 0;
    };
    return v > (Long.MAX_VALUE >> shift) ? -1 : v << shift;
  }
}
