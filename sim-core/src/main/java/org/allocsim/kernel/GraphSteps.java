package org.allocsim.kernel;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ObjectTable;
import org.allocsim.memory.SizeClasses;
import org.allocsim.world.BpfMap;
import org.allocsim.world.FieldRef;
import org.allocsim.world.Step;
import org.allocsim.world.Program;
import org.allocsim.world.RootRef;

/**
 * The steps on refcounted, graph-node and percpu objects (StepKind NEW_ADD and after). A step that names two places
 * addresses the first with the record's first key and the second with its second key, as move does; a root in a
 * one-entry map (global data, libbpf's .bss) is always at key 0.
 */
final class GraphSteps {
  private final Engine engine;
  private final DataPlane plane;
  private final GraphState graph;
  private final ObjectTable objects;
  /** bpf_global_percpu_ma: one cache per size class, created when the first program that needs it loads. */
  private final Map<Integer, Integer> percpuAllocators = new TreeMap<>();

  GraphSteps(Engine engine, DataPlane plane) {
    this.engine = engine;
    this.plane = plane;
    this.graph = engine.graph();
    this.objects = engine.objects();
  }

  void apply(Program p, Step o, int cpu, long key1, long key2) {
    switch (o.kind()) {
      case NEW_ADD -> {
        int obj = plane.alloc(p, o, cpu);
        if (obj >= 0) {
          if (o.acquireTo() != null) {
            graph.acquire(obj); // bpf_refcount_acquire before the add: the tree's reference and the map's
            plane.store(p, o.acquireTo(), key2, obj, cpu);
          }
          if (o.acquireRoot() != null) {
            graph.acquire(obj); // refcounted_kptr.c __insert_in_tree_and_list: one node in a tree and a list
            add(p, o.acquireRoot(), key1, obj, cpu);
          }
          add(p, o.root(), key1, obj, cpu);
        }
      }
      case NEW_STORE_ACQUIRE -> {
        int obj = plane.alloc(p, o, cpu);
        if (obj >= 0) {
          graph.acquire(obj);
          plane.store(p, o.to(), key1, obj, cpu);
          plane.store(p, o.acquireTo(), key2, obj, cpu);
        }
      }
      case REMOVE_DROP -> {
        int obj = remove(o.root(), key1);
        if (obj >= 0) {
          engine.drop(obj, null, -1, cpu);
        }
      }
      case REMOVE_STORE -> {
        int obj = remove(o.root(), key1);
        if (obj >= 0) {
          plane.store(p, o.to(), key2, obj, cpu);
        }
      }
      case TAKE_ADD -> {
        int obj = plane.take(p, o, key1, cpu, false);
        if (obj >= 0) {
          add(p, o.root(), key2, obj, cpu);
        }
      }
      case PERCPU_NEW_STORE -> {
        int obj = percpuAlloc(p, o, cpu);
        if (obj >= 0) {
          plane.store(p, o.to(), key1, obj, cpu);
        }
      }
      case PERCPU_NEW_DROP -> {
        int obj = percpuAlloc(p, o, cpu);
        if (obj >= 0) {
          engine.drop(obj, null, -1, cpu);
        }
      }
      default -> throw new IllegalStateException("not a graph step: " + o);
    }
  }

  /**
   * The map whose value holds root r for key: r's map, or through an outer map the inner map in the slot of the
   * key's high 32 bits (linked_list.c inner_map_*: bpf_map_lookup_elem(&map_of_maps), then the inner map); null
   * when that lookup returns NULL.
   */
  private BpfMap rootMap(RootRef r, long key) {
    return r.viaOuter() ? plane.lookups().target(r.map(), true, key) : r.map();
  }

  /** The key a root is at in m, or -1 when the lookup returns NULL; a one-entry named map is global data (key 0). */
  private static long rootKey(RootRef r, BpfMap m, long key) {
    if (r.viaOuter()) {
      return FieldRef.innerKey(key); // plane.target checked it against the inner map's max_entries
    }
    long max = m.spec().maxEntries();
    if (max == 1) {
      return 0;
    }
    return key < max ? key : -1;
  }

  /** bpf_rbtree_add / bpf_list_push_back under the root's lock; the node is then owned by the root. */
  private void add(Program p, RootRef r, long key, int obj, int cpu) {
    BpfMap m = rootMap(r, key);
    long k = m == null ? -1 : rootKey(r, m, key);
    ArrayDeque<Integer> d = null;
    if (k >= 0 && engine.elements().ensure(m, k, cpu, p.context())) {
      d = graph.root(m, r, k, true);
    } else {
      plane.observe(StepOutcome.LOOKUP_NULL); // the root's value: bpf_map_lookup_elem returned NULL
    }
    if (d == null) {
      // No value (or no outer node for a nested root): the program still owns the node and must drop it.
      engine.drop(obj, null, -1, cpu);
      return;
    }
    graph.add(d, obj);
    m.adjustStoredBytes(objects.unitBytes(obj));
  }

  /**
   * bpf_rbtree_first + bpf_rbtree_remove, or bpf_list_pop_front: the first node, or -1 when empty. Counted as a
   * take is (taken, empty, lookup_null), so the kernel check compares removes too.
   */
  private int remove(RootRef r, long key) {
    BpfMap m = rootMap(r, key);
    long k = m == null ? -1 : rootKey(r, m, key);
    if (k < 0) {
      plane.observe(StepOutcome.LOOKUP_NULL);
      return -1;
    }
    ArrayDeque<Integer> d = graph.root(m, r, k, false);
    if (d == null || d.isEmpty()) {
      plane.observe(StepOutcome.EMPTY); // bpf_rbtree_first / bpf_list_pop_front returned NULL
      return -1;
    }
    plane.observe(StepOutcome.TAKEN);
    int obj = d.pollFirst();
    m.adjustStoredBytes(-objects.unitBytes(obj));
    return obj;
  }

  /** bpf_percpu_obj_new: from bpf_global_percpu_ma in every design; the design is not asked. */
  private int percpuAlloc(Program p, Step o, int cpu) {
    int size = o.allocType().sizeBytes();
    BpfMemAlloc a = engine.allocator(percpuAllocator(size));
    int obj = a.alloc(cpu, size, p.context());
    plane.observe(obj >= 0 ? StepOutcome.ALLOCATED : StepOutcome.ALLOC_NULL);
    if (obj < 0) {
      return -1;
    }
    graph.created(obj, o.allocTypeId(), true);
    return obj;
  }

  /**
   * The bpf_global_percpu_ma cache for objects of size bytes, created on first need: the verifier does it
   * (bpf_mem_alloc_percpu_unit_init) when it meets the first bpf_percpu_obj_new of that size.
   */
  int percpuAllocator(int size) {
    int unit = SizeClasses.unitBytes(SizeClasses.classOf(size));
    return percpuAllocators.computeIfAbsent(unit,
        u -> engine.createPercpuAllocator("bpf_global_percpu_ma/" + u, u));
  }
}
