package org.allocsim.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.world.BpfMap;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.RootRef;
import org.allocsim.world.TypeTraits;
import org.allocsim.world.World;

/**
 * Per-object state that only some objects have, kept in side tables keyed by object id rather than in the object
 * record: the count of a {@code bpf_refcount} object, the nodes of every graph root (in map values and inside
 * objects), and which objects came from bpf_global_percpu_ma. A plain run never touches it beyond one map lookup
 * per drop of a refcounted or graph object.
 */
final class GraphState {
  private final World world;
  /** Roots in map values: (map id, key, root index) to nodes in order (rbtree_first = the oldest, see model.md). */
  private final Map<Long, ArrayDeque<Integer>> mapRoots = new HashMap<>();
  /** Roots inside objects: object id to one deque per root of its type. */
  private final Map<Integer, List<ArrayDeque<Integer>>> objectRoots = new HashMap<>();
  /** refcount_t of refcounted objects (bpf_refcount), absent for every other object. */
  private final Map<Integer, Integer> refs = new HashMap<>();
  private final BitSet percpu = new BitSet();
  /** Struct type of objects whose struct holds list or rbtree roots: the 16-byte object record has no type. */
  private final Map<Integer, Integer> rootHolderTypes = new HashMap<>();
  private final BitSet rootHolders = new BitSet();
  /**
   * Objects with an entry in refs, percpu or objectRoots: a drop of any other object skips every lookup here, so
   * plain objects pay one bit test and no boxed key (issue 17).
   */
  private final BitSet sideState = new BitSet();
  private boolean active;

  GraphState(World world) {
    this.world = world;
  }

  /** Whether any object has side state: when false, a drop skips every lookup here. */
  boolean active() {
    return active;
  }

  /** A new object: refcount 1 if its struct has a bpf_refcount (bpf_obj_new_impl's refcount_set). */
  void created(int obj, int typeId, boolean fromPercpu) {
    if (world.graph().any()) { // else every struct is plain: no traits to look up (issue 17)
      createdSpecial(obj, typeId);
    }
    if (fromPercpu) {
      percpu.set(obj);
      sideState.set(obj);
      active = true;
    }
  }

  private void createdSpecial(int obj, int typeId) {
    TypeTraits t = world.graph().traits(typeId);
    if (!t.roots().isEmpty()) {
      rootHolderTypes.put(obj, typeId);
      rootHolders.set(obj);
    } else if (rootHolders.get(obj)) {
      rootHolderTypes.remove(obj); // a recycled id
      rootHolders.clear(obj);
    }
    if (t.refcounted()) {
      refs.put(obj, 1);
      sideState.set(obj);
      active = true;
    }
  }

  /** Whether obj has a refcount, came from the percpu allocator or holds roots of its own: else drop skips it. */
  boolean hasSideState(int obj) {
    return sideState.get(obj);
  }

  boolean isPercpu(int obj) {
    return percpu.get(obj);
  }

  /** bpf_refcount_acquire: refcount_inc. */
  void acquire(int obj) {
    sideState.set(obj);
    refs.merge(obj, 1, Integer::sum);
  }

  /**
   * __bpf_obj_drop_impl: a refcounted object is only freed when refcount_dec_and_test says it was the last
   * reference. Returns true when the caller must free it (after {@link #drain}).
   */
  boolean lastReference(int obj) {
    Integer n = refs.get(obj);
    if (n == null) {
      return true;
    }
    if (n > 1) {
      refs.put(obj, n - 1);
      return false;
    }
    refs.remove(obj);
    return true;
  }

  int references(int obj) {
    return refs.getOrDefault(obj, 0);
  }

  /** The object is being freed: forget its side state; returns the nodes of its own roots, for the caller to drop. */
  List<Integer> drain(int obj) {
    sideState.clear(obj);
    percpu.clear(obj);
    List<ArrayDeque<Integer>> inner = objectRoots.remove(obj);
    List<Integer> out = new ArrayList<>();
    if (inner != null) {
      for (ArrayDeque<Integer> d : inner) {
        out.addAll(d);
      }
    }
    return out;
  }

  /**
   * The deque of root r in the value of map m (r's map, or the inner map its lookup returned) at key, or null when a
   * nested root's outer root is empty (the lookup finds no node).
   */
  ArrayDeque<Integer> root(BpfMap m, RootRef r, long key, boolean create) {
    long k = mapRootKey(m, key, r.root());
    ArrayDeque<Integer> d = create ? mapRoots.computeIfAbsent(k, x -> new ArrayDeque<>()) : mapRoots.get(k);
    if (r.inner() < 0 || d == null) {
      return d;
    }
    Integer first = d.peekFirst();
    return first == null ? null : inner(first, r.inner(), create);
  }

  private ArrayDeque<Integer> inner(int obj, int root, boolean create) {
    List<ArrayDeque<Integer>> roots = objectRoots.get(obj);
    if (roots == null) {
      if (!create) {
        return null;
      }
      int n = world.graph().traits(rootHolderTypes.get(obj)).roots().size();
      roots = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        roots.add(new ArrayDeque<>());
      }
      objectRoots.put(obj, roots);
      sideState.set(obj);
    }
    return roots.get(root);
  }

  /** Adds obj to its root; marks the graph active. */
  void add(ArrayDeque<Integer> root, int obj) {
    root.addLast(obj);
    active = true;
  }

  /**
   * bpf_obj_free_fields on a map value: every node of every root in m's element key (all keys when key is -1) is
   * taken out, for the caller to drop through __bpf_obj_drop_impl (bpf_list_head_free / bpf_rb_root_free).
   */
  List<Integer> takeAll(BpfMap m, long key) {
    List<GraphRoot> roots = world.graph().roots(m);
    List<Integer> out = new ArrayList<>();
    if (roots.isEmpty()) {
      return out;
    }
    List<Long> keys = new ArrayList<>();
    for (Long k : mapRoots.keySet()) {
      if ((k >>> 40) == m.id() && (key < 0 || ((k >>> 8) & 0xffff_ffffL) == key)) {
        keys.add(k);
      }
    }
    keys.sort(null); // HashMap order is not an order: drains run in key order for determinism
    for (Long k : keys) {
      out.addAll(mapRoots.remove(k));
    }
    return out;
  }

  /** Marks every object held by a live map's root, or nested in such an object, for the leak audit. */
  void markReachable(BitSet reachable) {
    for (Map.Entry<Long, ArrayDeque<Integer>> e : mapRoots.entrySet()) {
      if (!world.maps().get((int) (e.getKey() >>> 40)).isFreed()) {
        e.getValue().forEach(o -> mark(o, reachable));
      }
    }
  }

  private void mark(int obj, BitSet reachable) {
    reachable.set(obj);
    List<ArrayDeque<Integer>> inner = objectRoots.get(obj);
    if (inner != null) {
      for (ArrayDeque<Integer> d : inner) {
        d.forEach(o -> mark(o, reachable));
      }
    }
  }

  static long mapRootKey(BpfMap m, long key, int root) {
    return ((long) m.id() << 40) | ((key & 0xffff_ffffL) << 8) | root;
  }
}
