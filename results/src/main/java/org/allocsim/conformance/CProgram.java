package org.allocsim.conformance;

import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.StepSpec.FieldSpec;
import org.allocsim.world.ProgramSpec;

/**
 * One scenario program in C. Keys follow the model: a key indexes the map directly (a hash key at or above
 * max_entries finds nothing, except in an LRU hash, which takes any key; a store creates a missing hash element, a take finds it empty), and a key through an
 * outer map carries the outer slot in its high 32 bits. Each step counts its outcomes as the model does.
 */
final class CProgram {
  private final StringBuilder c;
  private final ObjectSpec object;
  private final CNames names;
  private final ProgramSpec program;

  CProgram(StringBuilder c, ObjectSpec object, CNames names, ProgramSpec program) {
    this.c = c;
    this.object = object;
    this.names = names;
    this.program = program;
  }

  /** The macro that leaves this program out of a load (a refused program is dropped and the object reloaded). */
  static String skipMacro(String program) {
    return "ALLOCSIM_SKIP_" + program;
  }

  /**
   * Programs that create or release kernel objects are {@code SEC("syscall")}: the cpumask kfuncs are not allowed
   * in tc programs. They are run with the arguments as their context, one run per record (no repeat).
   */
  static boolean isSyscall(ProgramSpec program, ObjectSpec object, CNames names) {
    for (StepSpec o : program.steps()) {
      if ((o.type() != null && names.allocatesKernelObject(o.type())) || CTaskStorage.touches(object, o)) {
        return true;
      }
      for (FieldSpec f : new FieldSpec[] {o.from(), o.to()}) {
        if (f != null && names.isKernelField(fieldType(object, f))) {
          return true;
        }
      }
    }
    return false;
  }

  void write() {
    String p = program.name();
    boolean syscall = isSyscall(program, object, names);
    int steps = Math.max(1, program.steps().size());
    c.append("#ifndef ").append(skipMacro(p)).append('\n');
    c.append("__u64 cnt_").append(p).append('[').append(steps * CSource.OUTCOMES).append("];\n");
    if (syscall) {
      c.append("SEC(\"syscall\") int ").append(p).append("(struct allocsim_args *a)\n{\n");
    } else {
      c.append("SEC(\"tc\") int ").append(p).append("(struct __sk_buff *skb)\n{\n");
      c.append("  void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;\n");
      c.append("  struct allocsim_args *a = data;\n\n  if ((void *)(a + 1) > end)\n    return 0;\n");
    }
    c.append("  __u32 step = a->step, cpu = a->cpu;\n  __u64 key1 = a->key1, key2 = a->key2;\n\n");
    for (int i = 0; i < program.steps().size(); i++) {
      c.append("  if (step == ").append(i).append(") { // ").append(describe(program.steps().get(i)))
          .append('\n');
      step(i, program.steps().get(i));
      c.append("    return 0;\n  }\n");
    }
    c.append("  return 0;\n}\n#endif\n\n");
  }

  private static String describe(StepSpec o) {
    return o.kind().label() + (o.type() != null ? " " + o.type() : "") + (o.from() != null ? " from " + o.from()
        : "") + (o.to() != null ? " to " + o.to() : "") + (o.map() != null ? " " + o.map() : "");
  }

  private String count(int step, String outcome) {
    return "COUNT(" + program.name() + ", " + step + ", " + outcome + ");";
  }

  private void step(int i, StepSpec o) {
    switch (o.kind()) {
      case ALLOC_STORE, ACQUIRE_STORE -> {
        alloc(i, o);
        store(i, o, o.to(), "key1", "n", "v",
            names.allocatesKernelObject(o.type()) ? names.drop(o.type(), "n") : "bpf_obj_drop_impl(n, 0);");
      }
      case ALLOC_DROP, ACQUIRE_RELEASE -> {
        alloc(i, o);
        String n = PointerEmission.released(o, "n");
        line(LeakEmission.release(o, names.allocatesKernelObject(o.type()) ? names.drop(o.type(), n)
            : "bpf_obj_drop_impl(" + n + ", 0);"));
        optional(PointerEmission.read(o, "n", true));
      }
      case TAKE_DROP -> {
        take(i, o.from(), "p", false);
        line(LeakEmission.release(o, names.drop(fieldType(o.from()), PointerEmission.released(o, "p"))));
        optional(PointerEmission.read(o, "p", true));
      }
      case MOVE -> {
        take(i, o.from(), "p", o.shape().plainLoad());
        // a plain load owns nothing: nothing to release when the destination's lookup fails
        store(i, o, o.to(), "key2", "p", "w", o.shape().plainLoad() ? "" : names.drop(fieldType(o.from()), "p"));
      }
      case MAP_UPDATE, MAP_DELETE -> CMapOps.write(c, object, program.name(), i, o);
      default -> new CGraphStep(c, object, names, program.name()).write(i, o);
    }
  }

  /** bpf_obj_new of a local struct; of a kernel type, its create kfunc (bpf_cpumask_create). */
  private void alloc(int i, StepSpec o) {
    if (names.allocatesKernelObject(o.type())) {
      line("struct " + o.type() + " *n = " + o.type() + "_create();");
    } else {
      String t = names.local(o.type());
      line("struct " + t + " *n = bpf_obj_new_impl(bpf_core_type_id_local(struct " + t + "), 0);");
    }
    optional(PointerEmission.read(o, "n", false));
    line("if (!n) { " + count(i, "ALLOC_NULL") + " return 0; }");
    line(count(i, "ALLOCATED"));
  }

  /** kptr_xchg(&field, held): drops what the lookup could not take, and the old value it swaps out. */
  private void store(int i, StepSpec o, FieldSpec f, String key, String held, String v, String dropHeld) {
    value(f, key, v, true, "{ " + count(i, "LOOKUP_NULL") + " " + dropHeld + " return 0; }", null);
    String t = names.field(fieldType(f));
    if (o.shape().plainStore()) {
      // map_kptr_fail.c reject_untrusted_store_to_ref: a plain store into a referenced kptr field
      line("*(struct " + t + " * volatile *)&" + v + "->" + f.field() + " = " + held + "; /* store: plain */");
      return;
    }
    line("struct " + t + " *old = bpf_kptr_xchg(&" + v + "->" + f.field() + ", " + held + ");");
    line("if (old) { " + count(i, "REPLACED") + " " + LeakEmission.release(o, names.drop(fieldType(f), "old"))
        + " }");
  }

  /** bpf_kptr_xchg(&field, NULL), or with plain, a plain load (map_kptr_fail.c reject_untrusted_xchg). */
  private void take(int i, FieldSpec f, String var, boolean plain) {
    value(f, "key1", "v", false, "{ " + count(i, "LOOKUP_NULL") + " return 0; }",
        "{ " + count(i, "EMPTY") + " return 0; }");
    String t = names.field(fieldType(f));
    line("struct " + t + " *" + var + " = " + (plain ? "v->" + f.field() + "; /* load: plain */"
        : "bpf_kptr_xchg(&v->" + f.field() + ", 0);"));
    line("if (!" + var + ") { " + count(i, "EMPTY") + " return 0; }");
    line(count(i, "TAKEN"));
  }

  /**
   * Looks up the value holding field f for the key; onNull runs when the model's lookup finds nothing, onAbsent
   * (takes) when a hash key in range has no element yet.
   */
  private void value(FieldSpec f, String key, String v, boolean create, String onNull, String onAbsent) {
    MapSpec m = object.map(f.map());
    if (m.type() == org.allocsim.world.MapType.TASK_STORAGE) {
      CTaskStorage.lookup(m, key, v, create, onNull, onAbsent).lines().forEach(this::line);
      return;
    }
    MapSpec vm = m.valueSpec();
    String vs = CSource.valueStruct(m);
    String mapRef = "&" + m.name();
    String k = key;
    if (m.type().isMapInMap()) {
      line("__u32 o_" + v + " = " + key + " >> 32;");
      line("void *in_" + v + " = bpf_map_lookup_elem(&" + m.name() + ", &o_" + v + ");");
      line("if (!in_" + v + ") " + onNull);
      mapRef = "in_" + v;
      k = "(" + key + " & 0xffffffffULL)";
    }
    if (!vm.type().isLru()) {
      // An LRU hash takes any key and evicts when full, as the model's LruHashes does; other maps' keys index.
      line("if (" + k + " >= " + vm.maxEntries() + ") " + onNull);
    }
    line("__u32 k_" + v + " = " + k + ";");
    // a percpu value: the record's CPU's copy, as the selftests' bpf_map_lookup_percpu_elem(&map, &key, 0)
    String lookup = vm.type().isPercpu() ? "bpf_map_lookup_percpu_elem(" + mapRef + ", &k_" + v + ", cpu)"
        : "bpf_map_lookup_elem(" + mapRef + ", &k_" + v + ")";
    line("struct " + vs + " *" + v + " = " + lookup + ";");
    if (isHash(vm.type()) && create) {
      line("if (!" + v + ") {");
      line("  struct " + vs + " zero = {};");
      line("  bpf_map_update_elem(" + mapRef + ", &k_" + v + ", &zero, BPF_NOEXIST);");
      line("  " + v + " = " + lookup + ";");
      line("}");
      line("if (!" + v + ") " + onNull);
    } else if (isHash(vm.type()) && onAbsent != null) {
      line("if (!" + v + ") " + onAbsent);
    } else {
      line("if (!" + v + ") " + onNull);
    }
  }

  private String fieldType(FieldSpec f) {
    return fieldType(object, f);
  }

  /** Hash elements exist only once written; array elements always exist. */
  static boolean isHash(org.allocsim.world.MapType t) {
    return t == org.allocsim.world.MapType.HASH || t == org.allocsim.world.MapType.PERCPU_HASH || t.isLru();
  }

  /** The struct a kptr field's type names. */
  static String fieldType(ObjectSpec object, FieldSpec f) {
    MapSpec m = object.map(f.map()).valueSpec();
    for (KptrField kf : m.fields()) {
      if (kf.name().equals(f.field())) {
        return kf.typeName();
      }
    }
    throw new IllegalArgumentException("no field " + f);
  }

  private void optional(String s) {
    if (!s.isEmpty()) {
      line(s);
    }
  }

  private void line(String s) {
    c.append("    ").append(s).append('\n');
  }
}
