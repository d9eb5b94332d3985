package org.allocsim.world;

import java.util.Objects;

/**
 * Where an allocation names its allocator, in the thread's API sketches.
 *
 * @param kind which form the program uses
 * @param map the allocator map (ALLOCATOR_MAP) or the map whose allocator is used (MAP_KPTR / MAP_ELEM); else null
 */
public record AllocSource(Kind kind, String map) {

  /** The forms of the allocation call. */
  public enum Kind {
    /** bpf_obj_new(T): no allocator named; the design decides (landed: bpf_global_ma). */
    DEFAULT,
    /** bpf_mem_alloc(&ma, T) with ma a BPF_MAP_TYPE_ALLOCATOR map (Delyan 08-25, S2). */
    ALLOCATOR_MAP,
    /** bpf_mem_alloc(&hash->kptr_allocator, T) (Alexei 08-30, design 3). */
    MAP_KPTR,
    /** bpf_mem_alloc(&hash->elem_allocator, T) (Alexei 08-30, design 3). */
    MAP_ELEM
  }

  public AllocSource {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.DEFAULT) != (map == null)) {
      throw new IllegalArgumentException("allocation source " + kind + " " + (map == null ? "needs" : "takes no")
          + " map name");
    }
  }

  public static final AllocSource DEFAULT = new AllocSource(Kind.DEFAULT, null);

  public static AllocSource allocatorMap(String name) {
    return new AllocSource(Kind.ALLOCATOR_MAP, name);
  }

  public static AllocSource kptrAllocatorOf(String map) {
    return new AllocSource(Kind.MAP_KPTR, map);
  }

  public static AllocSource elemAllocatorOf(String map) {
    return new AllocSource(Kind.MAP_ELEM, map);
  }
}
