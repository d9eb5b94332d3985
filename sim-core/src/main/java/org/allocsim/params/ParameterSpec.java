package org.allocsim.params;

import java.util.Objects;

/**
 * A declared parameter.
 *
 * @param key dotted key, e.g. {@code rcu.grace_period_ns} or {@code runtime-refcount.merge}
 * @param defaultValue default, as text
 * @param unit unit of the value ({@code ns}, {@code bytes}, {@code bool}, {@code count}, ...)
 * @param description one line: what it changes
 * @param source where the default comes from (a docs/sources.md tag, a message id, or "unknown: chosen")
 */
public record ParameterSpec(String key, String defaultValue, String unit, String description, String source) {
  public ParameterSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
  }
}
