package org.allocsim.strategy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.allocsim.params.ParameterSpec;

/**
 * A design's identity as {@link Design} and its ParameterSpec constants declare it.
 *
 * @param name command-line name
 * @param rule the rule in one line
 * @param source the message or commit the rule comes from
 * @param parameters options it reads, keys prefixed {@code <name>.}
 * @param newObjects what it does with refcounted, graph-node and percpu objects ({@link Design#newObjects})
 */
public record StrategyInfo(String name, String rule, String source, List<ParameterSpec> parameters,
    String newObjects) {

  public StrategyInfo(String name, String rule, String source, List<ParameterSpec> parameters) {
    this(name, rule, source, parameters, "");
  }

  public StrategyInfo {
    parameters = List.copyOf(parameters);
  }

  /** Reads the declaration of a strategy class; fails with the class name when it has no {@link Design}. */
  public static StrategyInfo of(Class<?> type) {
    Class<?> declaring = type;
    while (declaring != null && declaring.getDeclaredAnnotation(Design.class) == null) {
      declaring = declaring.getSuperclass();
    }
    if (declaring == null) {
      throw new IllegalArgumentException(type.getName() + " has no @Design(name, rule, source)");
    }
    Design d = declaring.getDeclaredAnnotation(Design.class);
    List<ParameterSpec> params = new ArrayList<>();
    for (Field f : declaring.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == ParameterSpec.class) {
        ParameterSpec p = read(f);
        if (!p.key().startsWith(d.name() + ".")) {
          throw new IllegalArgumentException(type.getName() + "." + f.getName() + ": key " + p.key()
              + " must start with " + d.name() + ".");
        }
        params.add(p);
      }
    }
    return new StrategyInfo(d.name(), d.rule(), d.source(), params, d.newObjects());
  }

  private static ParameterSpec read(Field f) {
    try {
      f.setAccessible(true);
      return (ParameterSpec) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + f, e);
    }
  }
}
