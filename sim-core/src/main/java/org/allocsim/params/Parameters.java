package org.allocsim.params;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter values of one run, by key. Unset keys fall back to the caller's declared default. Values are kept as
 * text so that they print exactly as given; typed getters reject malformed values with a message naming the key.
 */
public final class Parameters {
  public static final Parameters EMPTY = new Parameters(Map.of());

  private final Map<String, String> values;

  public Parameters(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** A copy with key set to value. */
  public Parameters with(String key, String value) {
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new Parameters(copy);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String text(ParameterSpec spec) {
    return values.getOrDefault(spec.key(), spec.defaultValue());
  }

  public long getLong(ParameterSpec spec) {
    String v = text(spec);
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter " + spec.key() + ": expected a whole number (" + spec.unit()
          + "), got '" + v + "'");
    }
  }

  public int getInt(ParameterSpec spec) {
    long v = getLong(spec);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter " + spec.key() + ": " + v + " is out of range");
    }
    return (int) v;
  }

  public boolean getBoolean(ParameterSpec spec) {
    String v = text(spec);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("parameter " + spec.key() + ": expected true or false, got '" + v + "'");
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
