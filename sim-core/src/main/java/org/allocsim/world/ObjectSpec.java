package org.allocsim.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A BPF object file (what libbpf's bpf_object__open reads): its local struct types, maps and programs. Every load
 * of it creates a new BTF object carrying these types.
 *
 * @param name object name, e.g. {@code balancer.bpf.o}
 * @param types local struct name to size in bytes
 * @param maps map definitions
 * @param programs programs
 * @param graph refcounted and graph-node structs, graph roots, kptr flavours
 */
public record ObjectSpec(String name, Map<String, Integer> types, List<MapSpec> maps, List<ProgramSpec> programs,
    GraphSpec graph) {

  /** An object file whose structs and kptr fields are all plain. */
  public ObjectSpec(String name, Map<String, Integer> types, List<MapSpec> maps, List<ProgramSpec> programs) {
    this(name, types, maps, programs, GraphSpec.NONE);
  }

  public ObjectSpec {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(name, "name");
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    maps = List.copyOf(maps);
    programs = List.copyOf(programs);
  }

  public MapSpec map(String mapName) {
    for (MapSpec m : maps) {
      if (m.name().equals(mapName)) {
        return m;
      }
    }
    return null;
  }
}
