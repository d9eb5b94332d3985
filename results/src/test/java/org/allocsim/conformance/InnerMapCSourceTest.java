package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioReader;
import org.allocsim.world.ObjectSpec;
import org.junit.jupiter.api.Test;

/**
 * The C of a graph root in an inner map's value (c43-c48, linked_list.c's map_of_maps): the template's value holds
 * the lock and the list head, a step looks the inner map up through the outer slot, and the lock shapes of
 * linked_list_fail.c leave the lock out or take a second lookup's.
 */
class InnerMapCSourceTest {
  private static ScenarioFile read(String file) {
    return new ScenarioReader().read(Path.of("..", "scenarios", "conformance", file), Parameters.EMPTY);
  }

  private static String c(ScenarioFile f, String object) {
    ObjectSpec o = f.objects().get(object);
    return CSource.of(o, new CNames(o, Map.of(), Set.of()), "test");
  }

  @Test
  void aListInAnInnerMapsValue_isLookedUpThroughTheOuterSlot_underThatValuesLock() {
    ScenarioFile f = read("c43-ll-inner-map-push-pop.yaml");
    assertEquals(Optional.empty(), Expressible.reason(f));
    String c = c(f, "ll");
    assertTrue(c.contains("struct val_map_of_maps { struct bpf_spin_lock lock; struct bpf_list_head head"
        + " __contains(foo, node2); };"), c);
    assertTrue(c.contains("__array(values, struct inner_map_of_maps)"), c);
    assertTrue(c.contains("void *in_v = bpf_map_lookup_elem(&map_of_maps, &o_v);"), c);
    assertTrue(c.contains("bpf_spin_lock(&v->lock);\n        bpf_list_push_back_impl(&v->head, &n->node2, 0, 0);"),
        c);
  }

  @Test
  void missingAndIncorrectLocks_areWrittenAsLinkedListFailWritesThem() {
    ScenarioFile missing = read("c45-llf-inner-map-missing-lock.yaml");
    ScenarioFile other = read("c46-llf-inner-map-incorrect-lock.yaml");
    assertEquals(Optional.empty(), Expressible.reason(missing));
    assertEquals(Optional.empty(), Expressible.reason(other));
    String none = c(missing, "llf");
    assertTrue(none.contains("/* lock: none, bpf_spin_lock left out */\n        bpf_list_push_back_impl(&v->head"),
        none);
    String wrong = c(other, "llf");
    assertTrue(wrong.contains("void *in_v2 = bpf_map_lookup_elem(&map_of_maps, &o_v2);"), wrong);
    assertTrue(wrong.contains("bpf_spin_lock(&v2->lock); /* lock: other */\n        bpf_list_push_back_impl(&v->head"),
        wrong);
  }
}
