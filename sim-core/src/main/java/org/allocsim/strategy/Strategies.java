package org.allocsim.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/** Finds strategies by name through ServiceLoader, in registration order. */
public final class Strategies {
  private final Map<String, Supplier<LifetimeStrategy>> byName = new LinkedHashMap<>();
  private final Map<String, StrategyInfo> infos = new LinkedHashMap<>();

  private Strategies() {}

  /** Every strategy on the class path. */
  public static Strategies installed() {
    Strategies s = new Strategies();
    for (ServiceLoader.Provider<LifetimeStrategy> p : ServiceLoader.load(LifetimeStrategy.class).stream().toList()) {
      StrategyInfo info = StrategyInfo.of(p.type());
      if (s.byName.putIfAbsent(info.name(), p) != null) {
        throw new IllegalStateException("two strategies are named " + info.name());
      }
      s.infos.put(info.name(), info);
    }
    return s;
  }

  /** A copy in which name makes fresh instances with factory instead (tests of the regression suite). */
  public Strategies replacing(String name, Supplier<LifetimeStrategy> factory) {
    if (!byName.containsKey(name)) {
      throw new IllegalArgumentException("unknown strategy '" + name + "'");
    }
    Strategies s = new Strategies();
    s.byName.putAll(byName);
    s.infos.putAll(infos);
    s.byName.put(name, factory);
    return s;
  }

  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** Name, rule, source and parameters of an installed strategy. */
  public StrategyInfo info(String name) {
    StrategyInfo i = infos.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + String.join(", ", names()));
    }
    return i;
  }

  /** A fresh instance for one run. */
  public LifetimeStrategy create(String name) {
    Supplier<LifetimeStrategy> s = byName.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + String.join(", ", names()));
    }
    return s.get();
  }
}
