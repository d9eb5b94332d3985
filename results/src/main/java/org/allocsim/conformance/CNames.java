package org.allocsim.conformance;

import java.util.Map;
import java.util.Set;
import org.allocsim.world.ObjectSpec;

/**
 * C names of a scenario object's structs. A kptr field's struct is a kernel type when the scenario declares it in
 * {@code kernel_types} (btf_parse_kptr looks the name up in vmlinux first), else the object's own. A local struct
 * whose name vmlinux also has ({@code node}) is renamed {@code local_node}: the kernel would otherwise take the
 * field for a kernel kptr without a destructor and refuse the object's BTF (-ENOENT), which the scenario does not
 * mean.
 */
record CNames(ObjectSpec object, Map<String, Integer> kernelTypes, Set<String> vmlinuxStructs) {

  /** The C struct name of a local type. */
  String local(String type) {
    return vmlinuxStructs.contains(type) && !kernelTypes.containsKey(type) ? "local_" + type : type;
  }

  boolean isKernelField(String type) {
    return kernelTypes.containsKey(type);
  }

  /** The C struct name of a kptr field's type. */
  String field(String type) {
    return isKernelField(type) ? type : local(type);
  }

  /** True when an allocation of this type acquires a kernel object (not one of the object's own structs). */
  boolean allocatesKernelObject(String type) {
    return !object.types().containsKey(type) && kernelTypes.containsKey(type);
  }

  /** C statement releasing a pointer {@code var} to a field's type. */
  String drop(String fieldType, String var) {
    return isKernelField(fieldType) ? KernelTypes.release(fieldType) + "(" + var + ");"
        : "bpf_obj_drop_impl(" + var + ", 0);";
  }

  /** Size of a struct as the C declares it: the local size, else the kernel type's. */
  int size(String type) {
    Integer s = object.types().get(type);
    return Math.max(1, s != null ? s : kernelTypes.getOrDefault(type, 8));
  }
}
