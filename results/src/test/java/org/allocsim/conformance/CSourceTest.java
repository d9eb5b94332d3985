package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.memory.ExecContext;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;
import org.junit.jupiter.api.Test;

/** The C text one scenario object becomes. */
class CSourceTest {
  private static final ObjectSpec OBJECT = new ObjectSpec("o.bpf.o", Map.of("node", 48, "leaf", 24),
      List.of(MapSpec.of("M", MapType.HASH, 8, new KptrField("f", "node")),
          MapSpec.of("K", MapType.ARRAY, 4, new KptrField("mask", "bpf_cpumask")), MapSpec.allocator("A", 0)),
      List.of(ProgramSpec.of("P", ExecContext.SOFTIRQ, StepSpec.allocStore("node",
          new AllocSource(AllocSource.Kind.ALLOCATOR_MAP, "A"), "M", "f"), StepSpec.takeDrop("M", "f")),
          ProgramSpec.of("Q", ExecContext.TASK, StepSpec.allocStore("bpf_cpumask", AllocSource.DEFAULT, "K",
              "mask"))));

  private static String source() {
    // vmlinux has a struct node: the local one is renamed; bpf_cpumask is a declared kernel type.
    return CSource.of(OBJECT, new CNames(OBJECT, Map.of("bpf_cpumask", 1032), Set.of("node", "bpf_cpumask")),
        "test");
  }

  @Test
  void localStructsThatVmlinuxAlsoHasAreRenamedAndEveryStructIsNamedComplete() {
    String c = source();
    assertTrue(c.contains("struct local_node { __u8 bytes[48]; };"), c);
    assertTrue(c.contains("struct val_M { struct local_node __kptr *f; };"), c);
    assertTrue(c.contains("ids += bpf_core_type_id_local(struct local_node);"), c);
    assertTrue(c.contains("ids += bpf_core_type_id_local(struct leaf);"), c);
    assertTrue(c.contains("ids += bpf_core_type_id_local(struct val_M);"), c);
  }

  @Test
  void allocatorMapsBecomeBpfObjNewAndKernelObjectsASyscallProgram() {
    String c = source();
    assertFalse(c.contains("} A SEC(\".maps\")"), "the 2022 allocator map has no kernel counterpart");
    assertTrue(c.contains("bpf_obj_new_impl(bpf_core_type_id_local(struct local_node), 0)"), c);
    assertTrue(c.contains("#ifndef ALLOCSIM_SKIP_P\n"), c);
    assertTrue(c.contains("SEC(\"tc\") int P(struct __sk_buff *skb)"), c);
    assertTrue(c.contains("SEC(\"syscall\") int Q(struct allocsim_args *a)"), c);
    assertTrue(c.contains("struct bpf_cpumask *n = bpf_cpumask_create();"), c);
    assertTrue(c.contains("if (old) { COUNT(Q, 0, REPLACED); bpf_cpumask_release(old); }"), c);
  }

  /** map_kptr.c's percpu and task-storage maps: the record's CPU picks the copy, a pid the task. */
  @Test
  void percpuMapsLookUpTheRecordsCpusCopy_taskStorageTheTaskOfThePid() {
    ObjectSpec o = new ObjectSpec("mk.bpf.o", Map.of("val", 24),
        List.of(MapSpec.of("pcpu_hash_map", MapType.PERCPU_HASH, 2, new KptrField("ref_ptr", "val")),
            MapSpec.of("task_ls_map", MapType.TASK_STORAGE, 4, new KptrField("ref_ptr", "val"))),
        List.of(ProgramSpec.of("P", ExecContext.TASK, StepSpec.allocStore("val", AllocSource.DEFAULT,
            "pcpu_hash_map", "ref_ptr")),
            ProgramSpec.of("T", ExecContext.TASK, StepSpec.allocStore("val", AllocSource.DEFAULT, "task_ls_map",
                "ref_ptr"), StepSpec.takeDrop("task_ls_map", "ref_ptr"))));
    String c = CSource.of(o, new CNames(o, Map.of(), Set.of()), "test");
    assertTrue(c.contains("__uint(type, BPF_MAP_TYPE_PERCPU_HASH);"), c);
    assertTrue(c.contains("v = bpf_map_lookup_percpu_elem(&pcpu_hash_map, &k_v, cpu);"), c);
    assertTrue(c.contains("__uint(type, BPF_MAP_TYPE_TASK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC);"), c);
    assertFalse(c.contains("BPF_MAP_TYPE_TASK_STORAGE); __uint(max_entries"), "the kernel's max_entries is 0");
    assertTrue(c.contains("SEC(\"syscall\") int T(struct allocsim_args *a)"), c);
    assertTrue(c.contains("SEC(\"tc\") int P(struct __sk_buff *skb)"), c);
    assertTrue(c.contains("struct task_struct *t_v = bpf_task_from_pid(key1);"), c);
    assertTrue(c.contains("bpf_task_storage_get(&task_ls_map, t_v, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);"), c);
    assertTrue(c.contains("bpf_task_storage_get(&task_ls_map, t_v, 0, 0);"), c);
  }
}
