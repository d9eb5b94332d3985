package org.allocsim.conformance;

import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;

/**
 * Task local storage in C, as map_kptr.c's test_ls_map_kptr_ref* write it: the owner a key names is the task of that
 * pid ({@code bpf_task_from_pid}, so a scenario's keys must be live pids: 1 and 2 always are), its value
 * {@code bpf_task_storage_get} with {@code BPF_LOCAL_STORAGE_GET_F_CREATE} for a store and without for a take, and a
 * {@code map_delete} is {@code bpf_task_storage_delete}. Programs that touch one are {@code SEC("syscall")}, where
 * these kfuncs and helpers are allowed. The other local-storage maps are not translated: Debian's uapi header (6.1)
 * lacks BPF_MAP_TYPE_CGRP_STORAGE, and inode and socket storage need an inode or a socket to hang on.
 */
final class CTaskStorage {
  private CTaskStorage() {}

  /** Whether the object has a task-storage map. */
  static boolean uses(ObjectSpec object) {
    return object.maps().stream().anyMatch(m -> m.type() == MapType.TASK_STORAGE);
  }

  /** Whether step o of a program names a task-storage map. */
  static boolean touches(ObjectSpec object, StepSpec o) {
    for (String map : new String[] {o.from() != null ? o.from().map() : null, o.to() != null ? o.to().map() : null,
        o.acquireTo() != null ? o.acquireTo().map() : null, o.map()}) {
      if (map != null && object.map(map).type() == MapType.TASK_STORAGE) {
        return true;
      }
    }
    return false;
  }

  /** The kfuncs that find and release a task; task_struct is declared complete if no kptr field declared it. */
  static String declarations(boolean taskStructDeclared) {
    return (taskStructDeclared ? "" : "struct task_struct { __u8 bytes[8]; };\n")
        + "extern struct task_struct *bpf_task_from_pid(__s32 pid) __ksym;\n"
        + "extern void bpf_task_release(struct task_struct *p) __ksym;\n";
  }

  /** The map definition's body: no max_entries (the kernel's is 0), BPF_F_NO_PREALLOC, an int key. */
  static String mapBody(String value) {
    return " __uint(type, BPF_MAP_TYPE_TASK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int);"
        + " __type(value, struct " + value + ");";
  }

  /**
   * Lines that set v to the value of the task whose pid is key (created when create); onNull runs for a key out of
   * the model's range or no such task, onAbsent (takes) for a task without storage.
   */
  static String lookup(MapSpec m, String key, String v, boolean create, String onNull, String onAbsent) {
    String t = "t_" + v;
    return "if (" + key + " >= " + m.maxEntries() + ") " + onNull + "\n"
        + "struct task_struct *" + t + " = bpf_task_from_pid(" + key + ");\n"
        + "if (!" + t + ") " + onNull + "\n"
        + "struct " + CSource.valueStruct(m) + " *" + v + " = bpf_task_storage_get(&" + m.name() + ", " + t + ", 0, "
        + (create ? "BPF_LOCAL_STORAGE_GET_F_CREATE" : "0") + ");\n"
        + "bpf_task_release(" + t + ");\n"
        + "if (!" + v + ") " + (create || onAbsent == null ? onNull : onAbsent);
  }

  /** bpf_task_storage_delete of the task whose pid is key1: r is 0 or the error (-ENOENT counts as done). */
  static String delete(MapSpec m, String onNull) {
    return "if (key1 >= " + m.maxEntries() + ") " + onNull + "\n"
        + "struct task_struct *t_e = bpf_task_from_pid(key1);\n"
        + "if (!t_e) " + onNull + "\n"
        + "long r = bpf_task_storage_delete(&" + m.name() + ", t_e);\n"
        + "bpf_task_release(t_e);\n"
        + "if (r == -2) r = 0; /* -ENOENT: no storage, as after a delete */";
  }
}
