package org.allocsim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import org.allocsim.world.MapSpec;

/**
 * Counts the objects a map holds, from a program: a small object with a map of the same shape, loaded reusing the
 * map by id, walks keys 0..max_entries-1 with bpf_loop and counts the non-NULL kptr fields (a load of a kptr field
 * gives an untrusted pointer, enough to test it). Taken just before each timeline action while the map lives; the
 * last count before the map's id goes is what its free dropped.
 */
final class Census {
  private final Bpffs fs;
  private final Path dir;
  private int runs;
  private SyscallRunner syscall;

  Census(Bpffs fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  /** Objects in the map with this kernel id, or -1 when it could not be counted. */
  long count(int mapId, MapSpec spec) {
    JsonNode shown = fs.json("map", "show", "id", Integer.toString(mapId));
    Path obj = build(spec, shown == null ? 0 : shown.path("bytes_value").asInt(0));
    Path pins = fs.root().resolve("census").resolve(Integer.toString(++runs));
    try {
      Bpffs.mkdirs(pins);
      Shell.Result r = fs.tool("prog", "loadall", obj.toString(), pins.resolve("p").toString(), "pinmaps",
          pins.resolve("m").toString(), "map", "name", "census_map", "id", Integer.toString(mapId));
      if (!r.ok()) {
        return -1;
      }
      Path zero = dir.resolve("zero.bin");
      if (!Files.exists(zero)) {
        Files.write(zero, new byte[CSource.PACKET_BYTES]);
      }
      if (m(spec)) {
        // task storage: a SEC("syscall") census (bpf_task_from_pid), which bpftool's prog run cannot run
        Path line = dir.resolve("census-run.txt");
        Files.writeString(line, pins.resolve("p/census") + " " + zero + " 1\n");
        syscall().run(line);
      } else if (!fs.tool("prog", "run", "pinned", pins.resolve("p/census").toString(), "data_in", zero.toString())
          .ok()) {
        return -1;
      }
      try (var s = Files.list(pins.resolve("m"))) {
        Path bss = s.filter(p -> p.getFileName().toString().endsWith("bss")).findFirst().orElseThrow();
        JsonNode d = fs.json("map", "dump", "pinned", bss.toString());
        for (JsonNode sec : d.path(0).path("formatted").path("value").path(".bss")) {
          if (sec.has("census_objects")) {
            return sec.path("census_objects").asLong();
          }
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Bpffs.remove(pins);
    }
  }

  private static boolean m(MapSpec spec) {
    return spec.type() == org.allocsim.world.MapType.TASK_STORAGE;
  }

  private SyscallRunner syscall() {
    if (syscall == null) {
      syscall = new SyscallRunner(fs.shell(), dir);
    }
    return syscall;
  }

  /**
   * The census object for a map of this shape; {@code valueBytes} is the map's value size, which exceeds its kptr
   * fields when the value also holds a bpf_spin_lock and graph roots (after the fields, CGraphTypes.valueRoots).
   */
  private Path build(MapSpec m, int valueBytes) {
    int rest = Math.max(0, valueBytes - 8 * Math.max(1, m.fields().size()));
    String shape = m.type().label() + "-" + m.maxEntries() + "-" + m.fields().size()
        + (m.modelsElements() ? "-noprealloc" : "") + (rest > 0 ? "-rest" + rest : "");
    Path o = dir.resolve("census-" + shape + ".bpf.o");
    if (Files.exists(o)) {
      return o;
    }
    Path c = dir.resolve("census-" + shape + ".bpf.c");
    int n = Math.max(1, m.fields().size());
    StringBuilder s = new StringBuilder("// Counts the non-NULL kptr fields of a map of shape " + shape + ".\n");
    s.append("#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\n\n");
    s.append("struct census_val { __u64 f[").append(n).append("];").append(rest > 0 ? " __u8 rest[" + rest + "];" : "")
        .append(" };\n");
    if (m(m)) {
      s.append(CTaskStorage.declarations(false));
      s.append("struct {").append(CTaskStorage.mapBody("census_val")).append(" } census_map SEC(\".maps\");\n");
    } else {
      s.append("struct { __uint(type, BPF_MAP_TYPE_").append(m.type().name().toUpperCase(Locale.ROOT))
          .append("); __uint(max_entries, ").append(m.maxEntries()).append(");")
          .append(m.modelsElements() ? " __uint(map_flags, BPF_F_NO_PREALLOC);" : "")
          .append(" __type(key, __u32); __type(value, struct census_val); } census_map SEC(\".maps\");\n");
    }
    // a percpu map: every possible CPU's copy of each key (iteration i is key i / CPUS, CPU i % CPUS)
    int cpus = m.type().isPercpu() ? PossibleCpus.count() : 1;
    s.append("__u64 census_objects;\n\nstatic long count_one(__u64 i, void *ctx)\n{\n  __u32 k = i / ").append(cpus)
        .append(";\n");
    if (m(m)) {
      // the task of pid k, if there is one, and its storage in the map, if it has one
      s.append("  struct task_struct *t = bpf_task_from_pid(k);\n\n  if (!t)\n    return 0;\n");
      s.append("  struct census_val *v = bpf_task_storage_get(&census_map, t, 0, 0);\n\n");
      s.append("  bpf_task_release(t);\n  if (!v)\n    return 0;\n");
    } else {
      s.append("  struct census_val *v = ").append(m.type().isPercpu()
          ? "bpf_map_lookup_percpu_elem(&census_map, &k, i % " + cpus + ")" : "bpf_map_lookup_elem(&census_map, &k)")
          .append(";\n\n  if (!v)\n    return 0;\n");
    }
    for (int f = 0; f < m.fields().size(); f++) {
      s.append("  if (v->f[").append(f).append("])\n    census_objects++;\n");
    }
    s.append("  return 0;\n}\n\n").append(m(m) ? "SEC(\"syscall\") int census(void *ctx)"
        : "SEC(\"tc\") int census(struct __sk_buff *skb)").append("\n{\n  census_objects = 0;\n");
    s.append("  bpf_loop(").append((long) m.maxEntries() * cpus).append(", count_one, 0, 0);\n  return 0;\n}\n\n");
    s.append("char LICENSE[] SEC(\"license\") = \"GPL\";\n");
    try {
      Files.writeString(c, s.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Shell.Result r = fs.shell().run(Compiler.command(c, o, new TreeSet<>()));
    if (!r.ok()) {
      throw new IllegalStateException("clang-19 failed on " + c + ":\n" + r.output());
    }
    return o;
  }
}
