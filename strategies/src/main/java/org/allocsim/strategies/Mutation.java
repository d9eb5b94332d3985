package org.allocsim.strategies;

import java.util.Arrays;
import java.util.List;
import org.allocsim.strategy.LifetimeStrategy;

/**
 * A safe design with one of its joining or reference-taking rules dropped, for the mutation tests (issue 15: a
 * per-field-dissolving that dropped the take_hold/put_held edge went unnoticed). The tests must catch every one.
 * A mutant is made only here, by {@link #create()}: no scenario file or command line can reach one.
 */
public enum Mutation {
  PER_FIELD_DISSOLVING_STORE_EDGE("per-field-dissolving", "store edge",
      "an alloc_store binds its field to the allocator (S11b 'stores allocation from Y into map Z, field A')"),
  PER_FIELD_DISSOLVING_MOVE_EDGE("per-field-dissolving", "move edge",
      "a move joins its two fields (S11b 'requires allocator for Y.A to equal allocator for Z.A')"),
  PER_FIELD_DISSOLVING_HELD_EDGE("per-field-dissolving", "held edge",
      "a put_held joins its field to the fields its program's take_hold steps take from"),
  PER_FIELD_DISSOLVING_INNER_MAP_JOIN("per-field-dissolving", "inner-map join",
      "an inner map in an outer map's slot joins its fields to the template's (S11b '+ a version for inner maps')"),
  PER_FIELD_DISSOLVING_BINDING_REFERENCE("per-field-dissolving", "binding reference",
      "a bound field holds a reference on its allocator until the binding dissolves"),
  RUNTIME_REFCOUNT_PROGRAM_REFERENCE("runtime-refcount", "program reference",
      "a program holds its allocators until it is freed, a grace period after unload"),
  RUNTIME_REFCOUNT_COUNT_REFERENCE("runtime-refcount", "count reference",
      "live objects hold their allocator through the per-CPU counts (S4)");

  private final String strategy;
  private final String rule;
  private final String description;

  Mutation(String strategy, String rule, String description) {
    this.strategy = strategy;
    this.rule = rule;
    this.description = description;
  }

  public String strategy() {
    return strategy;
  }

  public String rule() {
    return rule;
  }

  public String description() {
    return description;
  }

  /** The mutations of one design. */
  public static List<Mutation> of(String strategy) {
    return Arrays.stream(values()).filter(m -> m.strategy.equals(strategy)).toList();
  }

  /** A fresh instance of the design with this rule dropped. */
  public LifetimeStrategy create() {
    return switch (strategy) {
      case "per-field-dissolving" -> {
        PerFieldDissolving s = new PerFieldDissolving();
        s.mutation = this;
        yield s;
      }
      case "runtime-refcount" -> {
        RuntimeRefcount s = new RuntimeRefcount();
        s.mutation = this;
        yield s;
      }
      default -> throw new IllegalStateException(strategy);
    };
  }

  @Override
  public String toString() {
    return strategy + " without its " + rule;
  }
}
