package org.allocsim.conformance;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.allocsim.kernel.StepOutcome;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.ProgramSpec;

/**
 * One scenario object as one BPF C source: its maps with their kptr fields, one {@code SEC("tc")} program per
 * scenario program (the step index and keys come in the packet of BPF_PROG_TEST_RUN), per-step outcome counters in
 * global data, and {@code allocsim_keep}, which names every struct by {@code bpf_core_type_id_local} so clang emits
 * each complete (a struct seen only behind a {@code __kptr} pointer is emitted as a forward declaration, and the
 * kernel then does not take the field for a kptr). Allocator maps of the 2022 designs have no kernel counterpart:
 * as under {@code global}, their allocations are {@code bpf_obj_new} from {@code bpf_global_ma}.
 */
final class CSource {
  static final int OUTCOMES = StepOutcome.values().length;
  /** The packet a run gets: step, then key1 and key2; 64 bytes in all are sent, enough for a tc program. */
  static final int PACKET_BYTES = 64;

  private final ObjectSpec object;
  private final CNames names;
  private final StringBuilder c = new StringBuilder();

  private CSource(ObjectSpec object, CNames names) {
    this.object = object;
    this.names = names;
  }

  /** The C text of an object; {@code header} lines become the leading comment. */
  static String of(ObjectSpec object, CNames names, String header) {
    CSource s = new CSource(object, names);
    s.write(header);
    return s.c.toString();
  }

  private void write(String header) {
    c.append("// ").append(header.replace("\n", "\n// ")).append('\n');
    boolean graph = CGraphTypes.uses(object);
    if (graph) {
      c.append(CGraphTypes.beforeIncludes());
    }
    c.append("""
        #include <linux/bpf.h>
        #include <bpf/bpf_helpers.h>
        #include <bpf/bpf_core_read.h>

        #define __kptr __attribute__((btf_type_tag("kptr")))
        extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
        extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym;

        struct allocsim_args { __u32 step; __u32 cpu; __u64 key1; __u64 key2; };
        """);
    for (StepOutcome o : StepOutcome.values()) {
      c.append("#define ").append(o.name()).append(' ').append(o.ordinal()).append('\n');
    }
    if (graph) {
      c.append(CGraphTypes.declarations());
    }
    c.append("#define COUNT(prog, step, outcome) (cnt_##prog[(step) * ").append(OUTCOMES)
        .append(" + (outcome)]++)\n\n");
    structs();
    for (MapSpec m : object.maps()) {
      map(m);
    }
    if (graph) {
      c.append(CGraphTypes.lessCallbacks(object, names));
    }
    for (ProgramSpec p : object.programs()) {
      new CProgram(c, object, names, p).write();
    }
    keep();
    c.append("char LICENSE[] SEC(\"license\") = \"GPL\";\n");
  }

  private void structs() {
    Set<String> done = new LinkedHashSet<>();
    for (String t : object.types().keySet()) {
      String special = CGraphTypes.structBody(object, names, t, names.size(t));
      if (special != null && done.add("struct " + names.local(t))) {
        c.append("struct ").append(names.local(t)).append(" {").append(special).append(" };\n");
      }
      declare(names.local(t), names.size(t), done);
    }
    boolean taskStruct = fieldTypes().contains("task_struct") && names.isKernelField("task_struct");
    for (String t : fieldTypes()) {
      if (names.isKernelField(t) && done.add(t)) {
        c.append("// vmlinux's struct ").append(t).append(": complete here so the field is a kptr; the kernel ")
            .append("resolves it by name\n");
        declare(t, names.size(t), done);
        if (KernelTypes.createDeclaration(t) != null) {
          c.append(KernelTypes.createDeclaration(t)).append('\n');
        }
        c.append("extern void ").append(KernelTypes.release(t)).append("(struct ").append(t)
            .append(" *p) __ksym;\n");
      }
    }
    if (CTaskStorage.uses(object)) {
      c.append(CTaskStorage.declarations(taskStruct));
    }
    c.append('\n');
  }

  private void declare(String cname, int size, Set<String> done) {
    if (done.add("struct " + cname)) {
      c.append("struct ").append(cname).append(" { __u8 bytes[").append(size).append("]; };\n");
    }
  }

  /** Struct names of kptr fields, and kernel types the programs create (bpf_cpumask_create). */
  private Set<String> fieldTypes() {
    Set<String> out = new LinkedHashSet<>();
    for (MapSpec m : object.maps()) {
      for (KptrField f : m.valueSpec().fields()) {
        out.add(f.typeName());
      }
    }
    for (ProgramSpec p : object.programs()) {
      p.steps().stream().filter(o -> o.type() != null && names.allocatesKernelObject(o.type()))
          .forEach(o -> out.add(o.type()));
    }
    return out;
  }

  static String valueStruct(MapSpec m) {
    return "val_" + m.name();
  }

  private void map(MapSpec m) {
    if (m.type() == MapType.ALLOCATOR) {
      c.append("// ").append(m.name()).append(": a 2022 allocator map; the landed kernel has bpf_global_ma\n\n");
      return;
    }
    MapSpec v = m.valueSpec();
    c.append("struct ").append(valueStruct(m)).append(" {");
    for (KptrField f : v.fields()) {
      c.append(" struct ").append(names.field(f.typeName())).append(' ')
          .append(CGraphTypes.tag(object, m.name(), f.name())).append(" *").append(f.name()).append(';');
    }
    String roots = CGraphTypes.valueRoots(object, names, m);
    c.append(roots);
    if (v.fields().isEmpty() && roots.isEmpty()) {
      c.append(" __u64 unused;");
    }
    c.append(" };\n");
    if (m.type().isMapInMap()) {
      c.append("struct inner_").append(m.name()).append(" {");
      mapBody(v, valueStruct(m));
      c.append(" };\n");
    }
    c.append("struct {");
    if (m.type().isMapInMap()) {
      c.append(" __uint(type, BPF_MAP_TYPE_").append(m.type().name()).append(");");
      c.append(" __uint(max_entries, ").append(m.maxEntries()).append(");");
      c.append(" __type(key, __u32); __array(values, struct inner_").append(m.name()).append(");");
    } else {
      mapBody(m, valueStruct(m));
    }
    c.append(" } ").append(m.name()).append(" SEC(\".maps\");\n\n");
  }

  private void mapBody(MapSpec m, String value) {
    if (m.type() == MapType.TASK_STORAGE) {
      c.append(CTaskStorage.mapBody(value));
      return;
    }
    c.append(" __uint(type, BPF_MAP_TYPE_").append(m.type().name().toUpperCase(Locale.ROOT)).append(");");
    c.append(" __uint(max_entries, ").append(m.maxEntries()).append(");");
    if (m.modelsElements()) {
      c.append(" __uint(map_flags, BPF_F_NO_PREALLOC);");
    }
    c.append(" __type(key, __u32); __type(value, struct ").append(value).append(");");
  }

  private void keep() {
    c.append("// Names every struct, so that clang emits each one complete in the object's BTF.\n");
    c.append("SEC(\"tc\") int allocsim_keep(struct __sk_buff *skb)\n{\n  __u64 ids = 0;\n");
    Set<String> all = new LinkedHashSet<>();
    object.types().keySet().forEach(t -> all.add(names.local(t)));
    fieldTypes().forEach(t -> all.add(names.field(t)));
    // An outer map's value struct is named only inside __array(values, ...): keep it complete too.
    object.maps().stream().filter(m -> m.type() != MapType.ALLOCATOR).forEach(m -> all.add(valueStruct(m)));
    for (String t : all) {
      c.append("  ids += bpf_core_type_id_local(struct ").append(t).append(");\n");
    }
    c.append("  return ids == 0;\n}\n\n");
  }
}
