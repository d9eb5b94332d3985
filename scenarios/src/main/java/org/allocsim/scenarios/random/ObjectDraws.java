package org.allocsim.scenarios.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws the object files of a world. All objects share one struct {@code foo} of one size and a few pinned maps
 * (same spec in every object, as libbpf's reuse requires), so that objects meet through pins as in S3, S4 and S7;
 * each may add a private map, allocator maps, an outer map and design 3's kptr_allocator attributes.
 */
final class ObjectDraws {
  static final String TYPE = "foo";
  static final int KEYS = 4;
  static final int OUTER_SLOTS = 2;
  private static final int[] SIZES = {16, 48, 100, 300};

  private final UniformRandomProvider rng;
  private final int typeSize;
  private final int pins;
  private final WorldOptions options;

  ObjectDraws(UniformRandomProvider rng, WorldOptions options) {
    this.rng = rng;
    this.options = options;
    this.typeSize = SIZES[rng.nextInt(SIZES.length)];
    this.pins = 1 + rng.nextInt(2);
  }

  static String pinPath(int i) {
    return "/sys/fs/bpf/w/m" + i;
  }

  /** The inner template and a user-space inner map's spec. */
  static MapSpec innerSpec(String name) {
    return MapSpec.of(name, MapType.HASH, KEYS, new KptrField("v", TYPE));
  }

  Map<String, ObjectSpec> draw() {
    Map<String, ObjectSpec> out = new LinkedHashMap<>();
    int n = 1 + rng.nextInt(3);
    for (int i = 1; i <= n; i++) {
      out.put("o" + i, object("o" + i));
    }
    return out;
  }

  private ObjectSpec object(String name) {
    List<MapSpec> maps = new ArrayList<>();
    List<String> allocators = new ArrayList<>();
    int nAlloc = rng.nextInt(3);
    for (int i = 1; i <= nAlloc; i++) {
      allocators.add("a" + i);
      maps.add(MapSpec.allocator("a" + i, 0));
    }
    for (int i = 1; i <= pins; i++) {
      if (rng.nextDouble() < 0.6) {
        maps.add(withAllocator(MapSpec.of("m" + i, MapType.HASH, KEYS, new KptrField("v", TYPE))
            .pinnedAt(pinPath(i)), allocators));
      }
    }
    if (rng.nextDouble() < 0.4 || maps.size() == allocators.size()) {
      MapType t = rng.nextBoolean() ? MapType.HASH : MapType.ARRAY;
      MapSpec h = MapSpec.of("h", t, KEYS, new KptrField("v", TYPE));
      if (t == MapType.HASH && rng.nextDouble() < 0.15) {
        h = h.withElements(64);
      }
      maps.add(withAllocator(h, allocators));
    }
    if (rng.nextDouble() < 0.3 && options.mapInMap()) {
      maps.add(withAllocator(MapSpec.outer("outer", MapType.ARRAY_OF_MAPS, OUTER_SLOTS, innerSpec("outer.inner")),
          allocators));
    }
    List<String> fields = new ArrayList<>();
    for (MapSpec m : maps) {
      if (m.type() != MapType.ALLOCATOR) {
        fields.add(m.name() + ".v");
      }
    }
    List<ProgramSpec> programs = new ArrayList<>();
    int nProg = 1 + rng.nextInt(2);
    for (int j = 1; j <= nProg; j++) {
      programs.add(program(name + "p" + j, fields, allocators, maps));
    }
    return new ObjectSpec(name + ".bpf.o", Map.of(TYPE, typeSize), maps, programs);
  }

  private MapSpec withAllocator(MapSpec m, List<String> allocators) {
    if (!allocators.isEmpty() && rng.nextDouble() < 0.35) {
      return m.withKptrAllocator(pick(allocators));
    }
    return m;
  }

  private ProgramSpec program(String name, List<String> fields, List<String> allocators, List<MapSpec> maps) {
    double c = rng.nextDouble();
    ExecContext context = c < 0.6 ? ExecContext.TASK : c < 0.85 ? ExecContext.SOFTIRQ : ExecContext.NMI;
    List<StepSpec> ops = new ArrayList<>();
    int n = 1 + rng.nextInt(4);
    for (int i = 0; i < n; i++) {
      ops.add(step(fields, allocators, maps));
    }
    return new ProgramSpec(name, context, false, ops);
  }

  private StepSpec step(List<String> fields, List<String> allocators, List<MapSpec> maps) {
    String[] from = pick(fields).split("\\.");
    String[] to = pick(fields).split("\\.");
    return switch (rng.nextInt(7)) {
      case 0, 1 -> StepSpec.allocStore(TYPE, source(allocators, maps), to[0], to[1]);
      case 2 -> StepSpec.allocDrop(TYPE, source(allocators, maps));
      case 3 -> StepSpec.takeDrop(from[0], from[1]);
      case 4 -> StepSpec.move(from[0], from[1], to[0], to[1]);
      case 5 -> StepSpec.takeHold(from[0], from[1]);
      default -> StepSpec.putHeld(to[0], to[1]);
    };
  }

  private AllocSource source(List<String> allocators, List<MapSpec> maps) {
    double d = rng.nextDouble();
    if (d < 0.4 || allocators.isEmpty()) {
      return AllocSource.DEFAULT;
    }
    List<String> attributed = maps.stream().filter(m -> m.kptrAllocator() != null).map(MapSpec::name).toList();
    if (d < 0.55 && !attributed.isEmpty()) {
      return AllocSource.kptrAllocatorOf(pick(attributed));
    }
    return AllocSource.allocatorMap(pick(allocators));
  }

  private <T> T pick(List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }
}
