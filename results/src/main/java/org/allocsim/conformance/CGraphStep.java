package org.allocsim.conformance;

import org.allocsim.world.GraphKind;
import org.allocsim.world.GraphRoot;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.RegisterShape.Lock;
import org.allocsim.world.StepSpec;
import org.allocsim.world.StepSpec.FieldSpec;
import org.allocsim.world.StepSpec.RootSpec;

/**
 * One graph, refcount or percpu step in C, in the selftests' patterns: {@code bpf_obj_new}, then
 * {@code bpf_refcount_acquire} and {@code bpf_kptr_xchg} of the second reference, then {@code bpf_rbtree_add} /
 * {@code bpf_list_push_back} under the value's {@code bpf_spin_lock} (refcounted_kptr.c __stash_map_insert_tree);
 * {@code bpf_rbtree_first} + {@code bpf_rbtree_remove} or {@code bpf_list_pop_front}, then the drop or the store
 * (rbtree.c, linked_list.c); {@code bpf_percpu_obj_new} and {@code bpf_percpu_obj_drop} (percpu_alloc_array.c).
 * Each step does what GraphSteps does, in its order, and counts the same outcomes; a failed lookup releases what the
 * program holds and the step goes on, as the model's does.
 */
final class CGraphStep {
  private final StringBuilder c;
  private final ObjectSpec object;
  private final CNames names;
  private final String program;
  private int step;
  /** The bpf_spin_lock the step's graph kfunc runs under (its register shape; HELD but for refused programs). */
  private Lock lock = Lock.HELD;

  CGraphStep(StringBuilder c, ObjectSpec object, CNames names, String program) {
    this.c = c;
    this.object = object;
    this.names = names;
    this.program = program;
  }

  void write(int i, StepSpec o) {
    step = i;
    lock = o.shape().lock();
    switch (o.kind()) {
      case NEW_ADD -> {
        alloc(o.type(), false);
        if (o.acquireTo() != null) {
          acquire(o.type(), "q");
          store(o.acquireTo(), "key2", "q", false);
        }
        if (o.acquireRoot() != null) {
          acquire(o.type(), "q2");
          add(o.acquireRoot(), "key1", "q2", o.type(), "");
        }
        add(o.root(), "key1", "n", o.type(), PointerEmission.rootOffset(o));
      }
      case NEW_STORE_ACQUIRE -> {
        alloc(o.type(), false);
        acquire(o.type(), "q");
        store(o.to(), "key1", "n", false);
        store(o.acquireTo(), "key2", "q", false);
      }
      case REMOVE_DROP -> {
        remove(o.root(), "key1");
        line("bpf_obj_drop_impl(p, 0);");
      }
      case REMOVE_STORE -> {
        remove(o.root(), "key1");
        store(o.to(), "key2", "p", false);
      }
      case TAKE_ADD -> {
        take(o.from());
        add(o.root(), "key2", "p", fieldType(o.from()), PointerEmission.rootOffset(o));
      }
      case PERCPU_NEW_STORE -> {
        alloc(o.type(), true);
        store(o.to(), "key1", "n", true);
      }
      case PERCPU_NEW_DROP -> {
        alloc(o.type(), true);
        line("bpf_percpu_obj_drop_impl(n, 0);");
      }
      default -> throw new IllegalArgumentException(o.kind().label() + " is not a graph step");
    }
  }

  private String count(String outcome) {
    return "COUNT(" + program + ", " + step + ", " + outcome + ");";
  }

  private void alloc(String type, boolean percpu) {
    String t = names.local(type);
    line("struct " + t + " *n = " + (percpu ? "bpf_percpu_obj_new_impl" : "bpf_obj_new_impl")
        + "(bpf_core_type_id_local(struct " + t + "), 0);");
    line("if (!n) { " + count("ALLOC_NULL") + " return 0; }");
    line(count("ALLOCATED"));
  }

  /** bpf_refcount_acquire of n: never NULL for an object the program owns, but the verifier wants the check. */
  private void acquire(String type, String var) {
    String t = names.local(type);
    line("struct " + t + " *" + var + " = bpf_refcount_acquire_impl(n, 0);");
    line("if (!" + var + ") { bpf_obj_drop_impl(n, 0); return 0; }");
  }

  /** kptr_xchg(&f, held): a NULL lookup drops held; an old value is counted and dropped. The step goes on. */
  private void store(FieldSpec f, String key, String held, boolean percpu) {
    String drop = percpu ? "bpf_percpu_obj_drop_impl" : "bpf_obj_drop_impl";
    String ft = fieldType(f);
    line("{");
    lookup(object.map(f.map()), key, "v", true);
    line("  if (!v) { " + count("LOOKUP_NULL") + " " + drop + "(" + held + ", 0); } else {");
    line("    struct " + names.field(ft) + " *old = bpf_kptr_xchg(&v->" + f.field() + ", " + held + ");");
    line("    if (old) { " + count("REPLACED") + " " + dropOf(ft, percpu, "old") + " }");
    line("  }");
    line("}");
  }

  private String dropOf(String fieldType, boolean percpu, String var) {
    return percpu ? "bpf_percpu_obj_drop_impl(" + var + ", 0);" : names.drop(fieldType, var);
  }

  /** p = bpf_kptr_xchg(&from, NULL), counted as the model's take; nothing taken ends the step. */
  private void take(FieldSpec f) {
    line("struct " + names.field(fieldType(f)) + " *p = 0;");
    line("{");
    lookup(object.map(f.map()), "key1", "v", false);
    line("  if (!v) { if (miss_v == 2) " + count("EMPTY") + " else " + count("LOOKUP_NULL") + " return 0; }");
    line("  p = bpf_kptr_xchg(&v->" + f.field() + ", 0);");
    line("}");
    line("if (!p) { " + count("EMPTY") + " return 0; }");
    line(count("TAKEN"));
  }

  /**
   * Adds node var (a type) to a root under its value's lock; with no value, the program drops it. offset (" + 1" for
   * offset: root) moves the root argument past the root.
   */
  private void add(RootSpec r, String key, String var, String type, String offset) {
    GraphRoot root = root(r);
    String t = names.local(type);
    line("{");
    rootLookup(r, key, true);
    line("  if (!v) { " + count("LOOKUP_NULL") + " bpf_obj_drop_impl(" + var + ", 0); } else {");
    line(LockEmission.lock(lock, "    ", var));
    if (root.kind() == GraphKind.RBTREE) {
      line("    bpf_rbtree_add_impl(" + rootArg(root, offset) + ", &" + var + "->" + root.nodeField() + ", "
          + CGraphTypes.lessName(t, root.nodeField()) + ", 0, 0);");
    } else {
      line("    bpf_list_push_back_impl(" + rootArg(root, offset) + ", &" + var + "->" + root.nodeField() + ", 0, 0);");
    }
    line(LockEmission.unlock(lock, "    "));
    line("  }");
    line("}");
  }

  private static String rootArg(GraphRoot root, String offset) {
    return offset.isEmpty() ? "&v->" + root.name() : "(void *)&v->" + root.name() + offset;
  }

  /** p = the root's first node, removed under the lock; counted taken, empty or lookup_null. */
  private void remove(RootSpec r, String key) {
    GraphRoot root = root(r);
    String t = names.local(root.nodeType());
    String node = root.kind().nodeType();
    line("struct " + node + " *rn = 0;");
    line("{");
    rootLookup(r, key, false);
    line("  if (!v) { if (miss_v == 2) " + count("EMPTY") + " else " + count("LOOKUP_NULL") + " return 0; }");
    line(LockEmission.lock(lock, "  ", null));
    if (root.kind() == GraphKind.RBTREE) {
      line("  rn = bpf_rbtree_first(&v->" + root.name() + ");");
      line("  if (rn)");
      line("    rn = bpf_rbtree_remove(&v->" + root.name() + ", rn);");
    } else {
      line("  rn = bpf_list_pop_front(&v->" + root.name() + ");");
    }
    line(LockEmission.unlock(lock, "  "));
    line("}");
    line("if (!rn) { " + count("EMPTY") + " return 0; }");
    line(count("TAKEN"));
    line("struct " + t + " *p = container_of(rn, struct " + t + ", " + root.nodeField() + ");");
  }

  /**
   * v = the value holding a root, as GraphSteps.rootKey finds it: a one-entry map (global data) at key 0, else the
   * key if in range; through an outer map, the inner map's value as a field's (linked_list.c map_of_maps). An add
   * creates a missing hash element, a remove finds none (miss_v 2: empty). With lock: other, v2 is a second lookup
   * of the same value, whose lock the verifier takes for another allocation's.
   */
  private void rootLookup(RootSpec r, String key, boolean create) {
    MapSpec m = object.map(r.map());
    if (m.type().isMapInMap()) {
      lookup(m, key, "v", create);
      if (lock == Lock.OTHER) {
        lookup(m, key, "v2", false);
      }
      return;
    }
    String vs = CSource.valueStruct(m);
    String k = m.maxEntries() == 1 ? "0" : key;
    for (String v : lock == Lock.OTHER ? new String[] {"v", "v2"} : new String[] {"v"}) {
      line("  struct " + vs + " *" + v + " = 0; int miss_" + v + " = 1;");
      line("  if (" + k + " < " + m.maxEntries() + ") {");
      element("&" + m.name(), vs, k, m.type(), create && v.equals("v"), v);
      line("  }");
    }
  }

  /**
   * v = the value holding field f's map for key (through an outer map, its high 32 bits pick the inner map), as
   * CProgram's lookups do; miss_v says why it is NULL: 1 no such key or map, 2 a hash element not written yet.
   */
  private void lookup(MapSpec m, String key, String v, boolean create) {
    MapSpec vm = m.valueSpec();
    String vs = CSource.valueStruct(m);
    line("  struct " + vs + " *" + v + " = 0; int miss_" + v + " = 1;");
    String mapRef = "&" + m.name();
    String k = key;
    String close = "";
    if (m.type().isMapInMap()) {
      line("  __u32 o_" + v + " = " + key + " >> 32;");
      line("  void *in_" + v + " = bpf_map_lookup_elem(&" + m.name() + ", &o_" + v + ");");
      line("  if (in_" + v + ") {");
      mapRef = "in_" + v;
      k = "(" + key + " & 0xffffffffULL)";
      close = "  }";
    }
    line("  if (" + (vm.type().isLru() ? "1" : k + " < " + vm.maxEntries()) + ") {");
    element(mapRef, vs, k, vm.type(), create, v);
    line("  }");
    if (!close.isEmpty()) {
      line(close);
    }
  }

  private void element(String mapRef, String vs, String k, MapType type, boolean create, String v) {
    boolean hash = CProgram.isHash(type);
    // a percpu value: the record's CPU's copy
    String lookup = type.isPercpu() ? "bpf_map_lookup_percpu_elem(" + mapRef + ", &k_" + v + ", cpu)"
        : "bpf_map_lookup_elem(" + mapRef + ", &k_" + v + ")";
    line("    __u32 k_" + v + " = " + k + ";");
    line("    " + v + " = " + lookup + ";");
    if (hash && create) {
      line("    if (!" + v + ") {");
      line("      struct " + vs + " zero = {};");
      line("      bpf_map_update_elem(" + mapRef + ", &k_" + v + ", &zero, BPF_NOEXIST);");
      line("      " + v + " = " + lookup + ";");
      line("    }");
    } else if (hash) {
      line("    if (!" + v + ") miss_" + v + " = 2;");
    }
  }

  private GraphRoot root(RootSpec r) {
    for (GraphRoot g : object.graph().roots(r.map())) {
      if (g.name().equals(r.root())) {
        return g;
      }
    }
    throw new IllegalArgumentException("no root " + r);
  }

  private String fieldType(FieldSpec f) {
    return CProgram.fieldType(object, f);
  }

  private void line(String s) {
    c.append("    ").append(s).append('\n');
  }
}
