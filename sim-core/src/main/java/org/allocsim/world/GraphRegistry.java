package org.allocsim.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;
import org.allocsim.btf.BtfType;

/**
 * The btf_records of one run beyond plain kptr fields: each map's graph roots, spin lock and kptr flavours, as the
 * load that created it declared them (a reused pinned map keeps its creator's), and each local struct's traits, per
 * BTF object. Kept beside the maps and types, not in them, so that plain worlds pay nothing.
 */
public final class GraphRegistry {
  private final Map<Integer, List<GraphRoot>> roots = new HashMap<>();
  private final Map<Integer, Boolean> unlocked = new HashMap<>();
  private final Map<Integer, Map<String, KptrFlavour>> flavours = new HashMap<>();
  private final IdentityHashMap<BtfObject, GraphSpec> specs = new IdentityHashMap<>();
  private final List<BtfType> typesById = new ArrayList<>();
  /** Traits by type id as found so far; cleared when a BTF object's traits or an id's type are recorded. */
  private TypeTraits[] traitsById = new TypeTraits[0];
  private boolean any;

  /** Records what a new map's value declares. */
  public void registerMap(BpfMap map, GraphSpec spec) {
    List<GraphRoot> r = spec.roots(map.name());
    if (!r.isEmpty()) {
      roots.put(map.id(), r);
      map.setGraphRootCount(r.size());
      unlocked.put(map.id(), spec.unlockedMaps().contains(map.name()));
      any = true;
    }
    Map<String, KptrFlavour> f = spec.flavours().get(map.name());
    if (f != null && !f.isEmpty()) {
      flavours.put(map.id(), f);
    }
  }

  /** Records the struct traits a load's BTF object carries. */
  public void registerBtf(BtfObject btf, GraphSpec spec) {
    if (!spec.types().isEmpty()) {
      specs.put(btf, spec);
      any = true;
      java.util.Arrays.fill(traitsById, null);
    }
  }

  /** Whether any root or special struct exists in the run (plain runs skip every graph check). */
  public boolean any() {
    return any;
  }

  /** The roots of the map's value; of an outer map, those of its inner template's value (map-in-map). */
  public List<GraphRoot> roots(BpfMap map) {
    return roots.getOrDefault(map.id(), List.of());
  }

  /** The value declares roots but no bpf_spin_lock. */
  public boolean unlocked(BpfMap map) {
    return unlocked.getOrDefault(map.id(), false);
  }

  public KptrFlavour flavour(BpfMap map, int field) {
    Map<String, KptrFlavour> f = flavours.get(map.id());
    return f == null ? KptrFlavour.REFERENCED
        : f.getOrDefault(map.spec().valueSpec().fields().get(field).name(), KptrFlavour.REFERENCED);
  }

  /** The traits of a struct; kernel structs and plain local structs have none. */
  public TypeTraits traits(BtfType type) {
    GraphSpec s = type == null ? null : specs.get(type.btf());
    return s == null ? TypeTraits.plain(type == null ? "?" : type.name()) : s.traits(type.name());
  }

  /** Remembers the struct behind a run-wide type id, so traits can be found from the object table. */
  void noteTypeId(BtfType type, int id) {
    while (typesById.size() <= id) {
      typesById.add(null);
    }
    typesById.set(id, type);
    if (id < traitsById.length) {
      traitsById[id] = null;
    }
  }

  /** The traits of a type id, kept per id once found: an allocation reads an array, not two maps (issue 17). */
  public TypeTraits traits(int typeId) {
    if (typeId < 0 || typeId >= typesById.size()) {
      return TypeTraits.plain("?");
    }
    if (typeId >= traitsById.length) {
      traitsById = java.util.Arrays.copyOf(traitsById, Math.max(typeId + 1, traitsById.length * 2));
    }
    TypeTraits t = traitsById[typeId];
    if (t == null) {
      t = traits(typesById.get(typeId));
      traitsById[typeId] = t;
    }
    return t;
  }

  /** The struct behind a type id, or null. */
  public BtfType type(int typeId) {
    return typeId < 0 || typeId >= typesById.size() ? null : typesById.get(typeId);
  }
}
