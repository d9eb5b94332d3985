package org.allocsim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.junit.jupiter.api.Test;

/** Which maps the replay's short path may address by key alone (issue 17). */
class BpfMapTest {
  private final World world = new World();
  private final BtfObject btf = world.newBtf("lb", Map.of("flow", 48));
  private final KptrField node = new KptrField("node", "flow");

  private BpfMap map(MapType type) {
    return world.newMap(MapSpec.of(type.label(), type, 64, node), btf);
  }

  @Test
  void plainHashAndArrayMapsAreDirect() {
    assertTrue(map(MapType.HASH).direct());
    assertTrue(map(MapType.ARRAY).direct());
    assertEquals(64, map(MapType.HASH).maxEntries());
  }

  @Test
  void mapsWhoseKeyIsNotTheSlotAreNot() {
    world.setCpus(4);
    assertFalse(map(MapType.LRU_HASH).direct(), "an LRU key maps to an element");
    assertFalse(map(MapType.PERCPU_ARRAY).direct(), "a percpu slot needs the CPU");
    assertFalse(map(MapType.LRU_PERCPU_HASH).direct());
    MapSpec noPrealloc = new MapSpec("elems", MapType.HASH, 64, List.of(node), null, null, null, 0, null, 72);
    assertFalse(world.newMap(noPrealloc, btf).direct(), "its elements are allocated on update");
    MapSpec outer = MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, 8, MapSpec.of("inner", MapType.HASH, 64, node));
    assertFalse(world.newMap(outer, btf).direct(), "its slots hold inner maps");
  }
}
