package org.allocsim.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Gives back what a map free left in {@code bpf_global_ma}: objects the map free dropped stay allocated until a
 * later free of the same size on the same CPU (seen on 6.18: 10^5 objects per size for minutes). A program that
 * allocates and drops one object of the size, run a few times on every CPU ({@code taskset}), lets them go; the
 * calibration runs it after each size, so it leaves the kernel as it found it.
 */
final class CacheNudge {
  private CacheNudge() {}

  static void run(Bpffs fs, Path work, int bytes) throws IOException {
    Path c = work.resolve("nudge-" + bytes + ".bpf.c");
    Files.writeString(c, """
        // allocsim kernel --calibrate: one bpf_obj_new and bpf_obj_drop of %d bytes on the running CPU.
        #include <linux/bpf.h>
        #include <bpf/bpf_helpers.h>
        #include <bpf/bpf_core_read.h>

        extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
        extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym;
        struct nudge_obj { __u8 bytes[%d]; };

        SEC("tc") int nudge(struct __sk_buff *skb)
        {
          struct nudge_obj *n = bpf_obj_new_impl(bpf_core_type_id_local(struct nudge_obj), 0);

          if (n)
            bpf_obj_drop_impl(n, 0);
          return 0;
        }

        char LICENSE[] SEC("license") = "GPL";
        """.formatted(bytes, bytes));
    Path o = work.resolve("nudge-" + bytes + ".bpf.o");
    if (!fs.shell().run(Compiler.command(c, o, new TreeSet<>())).ok()) {
      return;
    }
    Path pin = fs.root().resolve("nudge-" + bytes);
    Path zero = work.resolve("zero.bin");
    try {
      if (!fs.tool("prog", "load", o.toString(), pin.toString()).ok()) {
        return;
      }
      int cpus = Runtime.getRuntime().availableProcessors();
      for (int round = 0; round < 3; round++) {
        for (int cpu = 0; cpu < cpus; cpu++) {
          fs.shell().run(List.of("taskset", "-c", Integer.toString(cpu), Prerequisites.which("bpftool")
              .orElseThrow(), "prog", "run", "pinned", pin.toString(), "data_in", zero.toString(), "repeat", "50"));
        }
        Thread.sleep(300);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Bpffs.remove(pin);
    }
  }
}
