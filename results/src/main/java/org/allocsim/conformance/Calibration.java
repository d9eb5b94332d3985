package org.allocsim.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.allocsim.report.OutputFolder;

/**
 * {@code allocsim kernel --calibrate}: what the model takes as parameters, measured on this kernel. For each object
 * size, a program stores 10^5 {@code bpf_obj_new} objects into an ARRAY map's kptr field; /proc/slabinfo before
 * and after gives the bytes per live object. Then the map is dropped and slabinfo polled until those objects are
 * back (map free, {@code bpf_mem_free_rcu}'s RCU grace period, the trim's RCU-tasks-trace grace period). A normal
 * RCU grace period is timed apart with {@code membarrier(MEMBARRIER_CMD_GLOBAL)}, which waits for one.
 */
public final class Calibration {
  static final int OBJECTS = 100_000;
  static final int[] SIZES = {48, 88, 120, 248, 504, 1016};

  /** One size's figures. */
  record Size(int bytes, int modelUnit, String cache, double objectBytesPerObject, double slabBytesPerObject,
      long freeDelayNs) {
  }

  private Calibration() {
  }

  /** Measures and writes calibration.txt and parameters.yaml into dir. */
  public static void run(Path dir, java.io.PrintWriter out, Consumer<String> progress) throws IOException {
    Shell shell = new Shell();
    String bpftool = Prerequisites.which("bpftool").orElseThrow();
    Path root = Path.of("/sys/fs/bpf", "allocsim-" + ProcessHandle.current().pid());
    List<Size> sizes = new ArrayList<>();
    long rcuNs;
    try (OutputFolder folder = OutputFolder.create(dir); Bpffs fs = new Bpffs(shell, bpftool, root)) {
      Path work = folder.resolve("c/x").getParent();
      progress.accept("calibrate: RCU grace period (membarrier)");
      rcuNs = RcuTimer.medianGracePeriodNs(shell, work);
      for (int s : SIZES) {
        progress.accept("calibrate: " + OBJECTS + " objects of " + s + " bytes");
        sizes.add(measure(fs, work, s));
      }
      String release = KernelFacts.kernelRelease();
      folder.write("calibration.txt", CalibrationText.text(release, rcuNs, sizes));
      folder.write("parameters.yaml", CalibrationText.parameters(release, rcuNs, sizes));
      folder.write("commands.log", shell.drainLog());
      folder.commit();
      out.print(CalibrationText.text(release, rcuNs, sizes));
    }
  }

  private static Size measure(Bpffs fs, Path work, int bytes) throws IOException {
    Path c = work.resolve("fill-" + bytes + ".bpf.c");
    Files.writeString(c, fillSource(bytes));
    Path o = work.resolve("fill-" + bytes + ".bpf.o");
    Shell.Result built = fs.shell().run(Compiler.command(c, o, new java.util.TreeSet<>()));
    if (!built.ok()) {
      throw new IllegalStateException("clang-19 failed on " + c + ":\n" + built.output());
    }
    Path zero = work.resolve("zero.bin");
    Files.write(zero, new byte[CSource.PACKET_BYTES]);
    // Round 1 on cold caches: bytes per object. Round 2: SLUB keeps round 1's emptied slabs on partial lists and
    // counts their free objects as active, so only a refill of those slabs shows the free coming back.
    SlabInfo[] first = fill(fs, o, zero, bytes, 1);
    String cache = first[1].grewMost(first[0]);
    double objectBytes = (double) (first[1].objectBytes() - first[0].objectBytes()) / OBJECTS;
    double slabBytes = (double) (first[1].slabBytes() - first[0].slabBytes()) / OBJECTS;
    sleepMs(1000);
    SlabInfo[] second = fill(fs, o, zero, bytes, 2);
    long base = second[0].caches().get(cache)[0];
    long grown = second[1].caches().get(cache)[0] - base;
    long t0 = System.nanoTime();
    Bpffs.remove(fs.root().resolve("fill-" + bytes + "-2"));
    long delay = -1;
    while (grown > OBJECTS / 100 && System.nanoTime() - t0 < 10_000_000_000L) {
      if (SlabInfo.read().caches().get(cache)[0] - base <= grown / 20) {
        delay = System.nanoTime() - t0;
        break;
      }
      sleepMs(1);
    }
    return new Size(bytes, modelUnit(bytes), cache, objectBytes, slabBytes, delay);
  }

  /** Loads the fill program, stores OBJECTS objects; returns slabinfo before and after. Round 1 is dropped. */
  private static SlabInfo[] fill(Bpffs fs, Path o, Path zero, int bytes, int round) {
    Path pins = fs.root().resolve("fill-" + bytes + "-" + round);
    Bpffs.mkdirs(pins);
    Shell.Result r = fs.tool("prog", "loadall", o.toString(), pins.resolve("p").toString(), "pinmaps",
        pins.resolve("m").toString());
    if (!r.ok()) {
      Bpffs.remove(pins);
      throw new IllegalStateException("calibration program refused: " + VerifierLog.reason(r.output(), "fill_one"));
    }
    SlabInfo before = SlabInfo.read();
    fs.tool("prog", "run", "pinned", pins.resolve("p/fill_one").toString(), "data_in", zero.toString(),
        "repeat", Integer.toString(OBJECTS));
    SlabInfo after = SlabInfo.read();
    if (round == 1) {
      Bpffs.remove(pins);
    }
    return new SlabInfo[] {before, after};
  }

  /** The model's unit for an object: the smallest of bpf_mem_alloc's 11 classes holding size + 8. */
  static int modelUnit(int bytes) {
    for (int u : new int[] {16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096}) {
      if (bytes + 8 <= u) {
        return u;
      }
    }
    return -1;
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String fillSource(int bytes) {
    return """
        // allocsim kernel --calibrate: each run stores one new %d-byte object at the next key.
        #include <linux/bpf.h>
        #include <bpf/bpf_helpers.h>
        #include <bpf/bpf_core_read.h>

        #define __kptr __attribute__((btf_type_tag("kptr")))
        extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
        extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym;

        struct calib_obj { __u8 bytes[%d]; };
        struct calib_val { struct calib_obj __kptr *f; };
        struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, %d); __type(key, __u32);
          __type(value, struct calib_val); } fill SEC(".maps");
        __u32 next_key;

        SEC("tc") int fill_one(struct __sk_buff *skb)
        {
          __u32 k = next_key++;
          struct calib_val *v = bpf_map_lookup_elem(&fill, &k);
          struct calib_obj *n;

          if (!v)
            return 0;
          n = bpf_obj_new_impl(bpf_core_type_id_local(struct calib_obj), 0);
          if (!n)
            return 0;
          n = bpf_kptr_xchg(&v->f, n);
          if (n)
            bpf_obj_drop_impl(n, 0);
          return 0;
        }

        char LICENSE[] SEC("license") = "GPL";
        """.formatted(bytes, bytes, OBJECTS);
  }
}
