package org.allocsim.conformance;

import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepKind;
import org.allocsim.world.StepSpec;

/**
 * The program-side map operations in C: map_update is {@code bpf_map_update_elem(&map, &key, &zero, BPF_ANY)} (the
 * old value's kptrs are released by the kernel, the new value's are NULL), map_delete is
 * {@code bpf_map_delete_elem}. Keys follow the model as {@link CProgram} does; -ENOENT from a delete counts as done
 * (the model does not track which keys of a preallocated hash were ever written), -EINVAL (an ARRAY delete) and
 * -ENOMEM as errors.
 */
final class CMapOps {
  private CMapOps() {}

  /** Appends step i, o, of program to c (indented as CProgram's steps are). */
  static void write(StringBuilder c, ObjectSpec object, String program, int i, StepSpec o) {
    MapSpec m = object.map(o.map());
    if (m.type() == org.allocsim.world.MapType.TASK_STORAGE) {
      // a program's map_update on local storage is refused by the verifier (kernel.MapTypeRules): only a delete
      CTaskStorage.delete(m, "{ " + count(program, i, "LOOKUP_NULL") + " return 0; }").lines()
          .forEach(l -> line(c, l));
      line(c, "if (r) " + count(program, i, "MAP_ERROR") + " else " + count(program, i, "MAP_OK"));
      return;
    }
    MapSpec vm = m.valueSpec();
    String mapRef = "&" + m.name();
    String k = "key1";
    if (m.type().isMapInMap()) {
      line(c, "__u32 o_e = key1 >> 32;");
      line(c, "void *in_e = bpf_map_lookup_elem(&" + m.name() + ", &o_e);");
      line(c, "if (!in_e) { " + count(program, i, "LOOKUP_NULL") + " return 0; }");
      mapRef = "in_e";
      k = "(key1 & 0xffffffffULL)";
    }
    if (!vm.type().isLru()) {
      line(c, "if (" + k + " >= " + vm.maxEntries() + ") { " + count(program, i, "LOOKUP_NULL") + " return 0; }");
    }
    line(c, "__u32 k_e = " + k + ";");
    if (o.kind() == StepKind.MAP_UPDATE) {
      line(c, "struct " + CSource.valueStruct(m) + " zero = {};");
      line(c, "long r = bpf_map_update_elem(" + mapRef + ", &k_e, &zero, BPF_ANY);");
    } else {
      line(c, "long r = bpf_map_delete_elem(" + mapRef + ", &k_e);");
      line(c, "if (r == -2) r = 0; /* -ENOENT: no element, as after a delete */");
    }
    line(c, "if (r) " + count(program, i, "MAP_ERROR") + " else " + count(program, i, "MAP_OK"));
  }

  private static String count(String program, int step, String outcome) {
    return "COUNT(" + program + ", " + step + ", " + outcome + ");";
  }

  private static void line(StringBuilder c, String s) {
    c.append("    ").append(s).append('\n');
  }
}
