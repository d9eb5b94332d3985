package org.allocsim.params;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A declared parameter and the values it admits, so that a scenario reader can refuse a bad value where it is
 * written (issue 15: nothing checked only at run time).
 *
 * @param key dotted key, e.g. {@code rcu.grace_period_ns} or {@code runtime-refcount.merge}
 * @param defaultValue default, as text
 * @param unit unit of the value ({@code ns}, {@code bytes}, {@code bool}, {@code count}, ...); {@code a|b} lists
 *     the only values admitted
 * @param description one line: what it changes
 * @param source where the default comes from (a docs/sources.md tag, a message id, or "unknown: chosen")
 * @param min smallest whole value admitted (units other than {@code bool} and {@code a|b})
 * @param max largest whole value admitted
 */
public record ParameterSpec(String key, String defaultValue, String unit, String description, String source,
    long min, long max) {
  public ParameterSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    if (min > max) {
      throw new IllegalArgumentException(key + ": min > max");
    }
  }

  /** A whole-number parameter admits 0 and up; {@code bool} and {@code a|b} units admit their words. */
  public ParameterSpec(String key, String defaultValue, String unit, String description, String source) {
    this(key, defaultValue, unit, description, source, 0, Long.MAX_VALUE);
  }

  /** This parameter admitting only whole values from min to max. */
  public ParameterSpec range(long from, long to) {
    return new ParameterSpec(key, defaultValue, unit, description, source, from, to);
  }

  /** The words admitted ({@code true, false} for {@code bool}), or an empty list for a whole number. */
  public List<String> choices() {
    if (unit.equals("bool")) {
      return List.of("true", "false");
    }
    return unit.contains("|") ? Arrays.asList(unit.split("\\|")) : List.of();
  }

  /** What is wrong with value (already normalised: durations and sizes as plain integers), or null if none. */
  public String problem(String value) {
    List<String> words = choices();
    if (!words.isEmpty()) {
      return words.contains(value) ? null : "expected " + String.join(" or ", words) + ", got '" + value + "'";
    }
    long v;
    try {
      v = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      return "expected a whole number (" + unit + ") from " + min + " to " + bound(max) + ", got '" + value + "'";
    }
    if (v < min || v > max) {
      return "expected a whole number (" + unit + ") from " + min + " to " + bound(max) + ", got " + value;
    }
    return null;
  }

  private static String bound(long max) {
    return max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max);
  }
}
