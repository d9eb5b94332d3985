package org.allocsim.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one object file declares beyond plain structs and referenced kptr fields: struct traits (refcount, nodes,
 * nested roots and kptrs), graph roots in map values, each map value's spin lock, and kptr field flavours.
 *
 * @param types traits of the local structs that have special fields (absent: a plain struct)
 * @param mapRoots graph roots in each map's value, by map name (an outer map's name: its inner template's roots)
 * @param unlockedMaps maps whose value (an outer map's: its inner template's) declares roots but no
 *     {@code bpf_spin_lock}
 * @param flavours kptr field flavours by map name and field name (absent: referenced)
 */
public record GraphSpec(Map<String, TypeTraits> types, Map<String, List<GraphRoot>> mapRoots, Set<String> unlockedMaps,
    Map<String, Map<String, KptrFlavour>> flavours) {

  public static final GraphSpec NONE = new GraphSpec(Map.of(), Map.of(), Set.of(), Map.of());

  // Declaration order, not Map.copyOf's per-JVM order: the kernel translation and refusals iterate these.
  public GraphSpec {
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    mapRoots = Collections.unmodifiableMap(new LinkedHashMap<>(mapRoots));
    unlockedMaps = Collections.unmodifiableSet(new LinkedHashSet<>(unlockedMaps));
    flavours = Collections.unmodifiableMap(new LinkedHashMap<>(flavours));
  }

  public TypeTraits traits(String type) {
    return types.getOrDefault(type, TypeTraits.plain(type));
  }

  public List<GraphRoot> roots(String map) {
    return mapRoots.getOrDefault(map, List.of());
  }

  public KptrFlavour flavour(String map, String field) {
    return flavours.getOrDefault(map, Map.of()).getOrDefault(field, KptrFlavour.REFERENCED);
  }
}
