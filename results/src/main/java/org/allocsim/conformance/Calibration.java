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
  private static final int[] SIZES = {48, 88, 120, 248, 504, 1016};

  /** The object sizes a calibration measures by default (a copy). */
  public static int[] sizes() {
    return SIZES.clone();
  }

  /** One size's figures. */
  record Size(int bytes, int modelUnit, String cache, double objectBytesPerObject, double slabBytesPerObject,
      long freeDelayNs, long objectsAdded, long objectsKept, double allSlabBytesPerObject) {}

  private Calibration() {}

  /** Measures and writes calibration.txt and parameters.yaml into dir. */
  public static void run(Path dir, java.io.PrintWriter out, Consumer<String> progress) throws IOException {
    run(dir, out, progress, SIZES);
  }

  /** As {@link #run(Path, java.io.PrintWriter, Consumer)} with the object sizes to measure. */
  public static void run(Path dir, java.io.PrintWriter out, Consumer<String> progress, int[] objectSizes)
      throws IOException {
    Shell shell = new Shell();
    String bpftool = Prerequisites.which("bpftool").orElseThrow();
    Path root = Path.of("/sys/fs/bpf", "allocsim-" + ProcessHandle.current().pid());
    List<Size> sizes = new ArrayList<>();
    long rcuNs;
    try (OutputFolder folder = OutputFolder.create(dir); Bpffs fs = new Bpffs(shell, bpftool, root)) {
      Path work = folder.resolve("c/x").getParent();
      progress.accept("calibrate: RCU grace period (membarrier)");
      rcuNs = RcuTimer.medianGracePeriodNs(shell, work);
      for (int s : objectSizes) {
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
    Path pins = fs.root().resolve("fill-" + bytes);
    Bpffs.mkdirs(pins);
    try {
      Shell.Result r = fs.tool("prog", "loadall", o.toString(), pins.resolve("p").toString(), "pinmaps",
          pins.resolve("m").toString());
      if (!r.ok()) {
        throw new IllegalStateException("calibration program refused: " + VerifierLog.reason(r.output(),
            "fill_one"));
      }
      SlabInfo.shrinkKmalloc();
      SlabInfo before = SlabInfo.read();
      fs.tool("prog", "run", "pinned", pins.resolve("p/fill_one").toString(), "data_in", zero.toString(),
          "repeat", Integer.toString(OBJECTS));
      SlabInfo.shrinkKmalloc();
      SlabInfo after = SlabInfo.read();
      String cache = kmallocCache(before, after, modelUnit(bytes));
      long base = before.count(cache, 0);
      long grown = after.count(cache, 0) - base;
      double objectBytes = (double) (after.count(cache, 1) - before.count(cache, 1)) / OBJECTS;
      double slabBytes = (double) (after.count(cache, 2) - before.count(cache, 2)) / OBJECTS;
      long t0 = System.nanoTime();
      Bpffs.remove(pins);
      long delay = -1;
      long kept = grown;
      while (System.nanoTime() - t0 < 10_000_000_000L) {
        SlabInfo.shrink(cache);
        kept = SlabInfo.read().count(cache, 0) - base;
        if (kept <= grown / 20) {
          delay = System.nanoTime() - t0;
          break;
        }
        sleepMs(5);
      }
      double all = (double) (after.slabBytes() - before.slabBytes()) / OBJECTS;
      if (delay < 0) {
        CacheNudge.run(fs, work, bytes);
      }
      return new Size(bytes, modelUnit(bytes), cache, objectBytes, slabBytes, delay, grown, Math.max(0, kept), all);
    } finally {
      Bpffs.remove(pins);
    }
  }

  /** kmalloc's cache for a unit: the memcg-accounted one ({@code kmalloc-cg-64}) or the plain one, whichever grew. */
  private static String kmallocCache(SlabInfo before, SlabInfo after, int unit) {
    String name = unit >= 1024 ? (unit / 1024) + "k" : Integer.toString(unit);
    String cg = "kmalloc-cg-" + name;
    String plain = "kmalloc-" + name;
    return after.count(cg, 0) - before.count(cg, 0) >= after.count(plain, 0) - before.count(plain, 0) ? cg : plain;
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
