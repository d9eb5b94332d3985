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
      "an alloc_store binds its field to the allocator (S11b 'stores allocation from Y into map Z, field A')"), PER_FIELD_DISSOLVING_MOVE_EDGE(
          "per-field-dissolving", "move edge",
          "a move joins its two fields (S11b 'requires allocator for Y.A to equal allocator for Z.A')"), PER_FIELD_DISSOLVING_HELD_EDGE(
              "per-field-dissolving", "held edge",
              "a put_held joins its field to the fields its program's take_hold steps take from"), PER_FIELD_DISSOLVING_INNER_MAP_JOIN(
                  "per-field-dissolving", "inner-map join",
                  "an inner map in an outer map's slot joins its fields to the template's (S11b '+ a version for inner maps')"), PER_FIELD_DISSOLVING_BINDING_REFERENCE(
                      "per-field-dissolving", "binding reference",
                      "a bound field holds a reference on its allocator until the binding dissolves"), RUNTIME_REFCOUNT_PROGRAM_REFERENCE(
                          "runtime-refcount", "program reference",
                          "a program holds its allocators until it is freed, a grace period after unload"), RUNTIME_REFCOUNT_COUNT_REFERENCE(
                              "runtime-refcount", "count reference",
                              "live objects hold their allocator through the per-CPU counts (S4)"), STATIC_PER_MAP_STORE_CHECK(
                                  "static-per-map", "store check",
                                  "an object stored into a map must come from that map's kptr_allocator (S11b)"), STATIC_PER_MAP_MOVE_CHECK(
                                      "static-per-map", "move check",
                                      "a move between maps needs the same kptr_allocator on both (S11b)"), STATIC_PER_MAP_MAP_REFERENCE(
                                          "static-per-map", "map reference",
                                          "a map holds its named kptr_allocator until it is freed ('will keep it until destruction')"), BTF_PLACEHOLDER_MOVE_CHECK(
                                              "btf-placeholder", "move check",
                                              "a move or a put_held needs the same BTF object and type on both sides (Alexei 08-29 23:03)"), BTF_PLACEHOLDER_SLOT_REFERENCE(
                                                  "btf-placeholder", "slot reference",
                                                  "the (BTF object, struct) slot holds the allocator bound to it until the BTF object is freed"), GLOBAL_TYPE_CHECK(
                                                      "global", "type check",
                                                      "a local kptr may be stored only into a field of the same type in the same BTF object (S20)");
  // global's only reference is the kernel's on bpf_global_ma: without it the allocator dies before its first
  // allocation and the kernel stops the run, so there is no run for a test to judge.

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
      case "static-per-map" -> {
        StaticPerMap s = new StaticPerMap();
        s.mutation = this;
        yield s;
      }
      case "btf-placeholder" -> {
        BtfPlaceholder s = new BtfPlaceholder();
        s.mutation = this;
        yield s;
      }
      case "global" -> {
        GlobalAllocator s = new GlobalAllocator();
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
