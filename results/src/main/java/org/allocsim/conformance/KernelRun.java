package org.allocsim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allocsim.kernel.Observations;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.RunSpec;

/**
 * One scenario on the kernel: timeline actions and trace records in the model's order (at equal times actions
 * first), records run with BPF_PROG_TEST_RUN through {@code bpftool batch} (identical consecutive records as one
 * {@code repeat N}), then the programs' outcome counters read back from their global data.
 */
final class KernelRun {
  private final Bpffs fs;
  private final Path out;
  private final KernelDriver driver;
  private final Map<String, String> events = new LinkedHashMap<>();
  private final List<String> batch = new ArrayList<>();
  private final Map<String, Path> packets = new HashMap<>();
  private final Set<String> syscall = new HashSet<>();
  private final Compiler compiler;
  private final SyscallRunner syscallRunner;
  private boolean syscallBatch;
  private int batches;
  private String lastLine;
  private long lastRepeat;

  /** objectNames: each scenario object's key in {@code objects:}, which names its C file. */
  KernelRun(Bpffs fs, Compiler compiler, Path out, Map<org.allocsim.world.ObjectSpec, String> objectNames) {
    this.fs = fs;
    this.out = out;
    this.compiler = compiler;
    this.syscallRunner = new SyscallRunner(fs.shell(), out);
    Bpffs.mkdirs(out.resolve("logs"));
    Bpffs.mkdirs(out.resolve("runs"));
    this.driver = new KernelDriver(fs, compiler, new Census(fs, out), out.resolve("logs"), events, objectNames);
  }

  /** Runs the spec; {@code model} says which maps the model frees, and when, so the census can watch them. */
  Map<String, String> run(RunSpec spec, Observations model, boolean replayRecords) {
    for (RunSpec.TimedAction ta : spec.timeline()) {
      if (ta.action() instanceof org.allocsim.kernel.ControlAction.LoadObject a) {
        for (org.allocsim.world.ProgramSpec p : a.spec().programs()) {
          if (CProgram.isSyscall(p, a.spec(), compiler.names(a.spec()))) {
            syscall.add(p.name());
          }
        }
      }
    }
    Set<String> watched = new HashSet<>();
    model.mapFrees().forEach(f -> watched.add(f.map()));
    List<RunSpec.TimedAction> timeline = spec.timeline().stream().filter(t -> t.timeNs() <= spec.durationNs())
        .toList();
    try (RecordStream records = replayRecords ? spec.records().apply(new RandomStreams(spec.seed(), 0))
        : RecordStream.empty()) {
      List<String> programs = records.programNames();
      RecordBatch b = new RecordBatch();
      int next = 0;
      for (int n = records.read(b); n > 0; n = records.read(b)) {
        for (int r = 0; r < n; r++) {
          if (b.time[r] > spec.durationNs()) {
            break;
          }
          while (next < timeline.size() && timeline.get(next).timeNs() <= b.time[r]) {
            action(timeline, next++, watched, model);
          }
          record(programs.get(b.program[r]), b.cpu[r], b.step[r], b.key1[r], b.key2[r]);
        }
      }
      while (next < timeline.size()) {
        action(timeline, next++, watched, model);
      }
      flush();
    }
    readCounters(spec);
    return events;
  }

  private void action(List<RunSpec.TimedAction> timeline, int i, Set<String> watched, Observations model) {
    flush();
    driver.maps().takeCensus(watched);
    RunSpec.TimedAction ta = timeline.get(i);
    driver.apply(ta);
    long until = i + 1 < timeline.size() ? timeline.get(i + 1).timeNs() : Long.MAX_VALUE;
    Set<String> expected = new HashSet<>();
    for (Observations.MapFree f : model.mapFrees()) {
      if (f.timeNs() >= ta.timeNs() && f.timeNs() < until) {
        expected.add(f.map());
      }
    }
    driver.maps().settle(expected, expected.isEmpty() ? 0 : 3000);
  }

  private void record(String program, int cpu, int step, long key1, long key2) {
    Path pin = driver.attachedPin(program);
    if (pin == null) {
      return;
    }
    boolean sys = syscall.contains(program);
    if (sys != syscallBatch) {
      flush();
      syscallBatch = sys;
    }
    String line = sys ? pin + " " + packet(cpu, step, key1, key2)
        : "prog run pinned " + pin + " data_in " + packet(cpu, step, key1, key2);
    if (line.equals(lastLine)) {
      lastRepeat++;
      return;
    }
    endGroup();
    lastLine = line;
    lastRepeat = 1;
  }

  private void endGroup() {
    if (lastLine != null) {
      batch.add(lastLine + (syscallBatch ? " " : " repeat ") + lastRepeat);
      lastLine = null;
    }
  }

  private void flush() {
    endGroup();
    if (batch.isEmpty()) {
      return;
    }
    Path f = out.resolve("runs").resolve(String.format("batch-%04d.txt", ++batches));
    try {
      Files.write(f, batch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    batch.clear();
    if (syscallBatch) {
      syscallRunner.run(f);
      return;
    }
    Shell.Result r = fs.tool("batch", "file", f.toString());
    if (!r.ok()) {
      throw new IllegalStateException("bpftool batch failed on " + f + ": " + r.output().strip());
    }
  }

  /** The run's arguments: the step, the record's CPU (whose copy of a percpu value the program uses), the keys. */
  private Path packet(int cpu, int step, long key1, long key2) {
    String name = step + "-" + key1 + "-" + key2 + (cpu != 0 ? "-cpu" + cpu : "");
    return packets.computeIfAbsent(name, k -> {
      ByteBuffer buf = ByteBuffer.allocate(CSource.PACKET_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      buf.putInt(step).putInt(cpu).putLong(key1).putLong(key2);
      Path p = out.resolve("runs").resolve("packet-" + name + ".bin");
      try {
        Files.write(p, buf.array());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return p;
    });
  }

  /** Sums each program's counters over the instances that ran it, into step events. */
  private void readCounters(RunSpec spec) {
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (KernelLoads.Instance i : driver.instances()) {
      JsonNode d = fs.json("map", "dump", "pinned", fs.root().resolve("cnt").resolve(i.name()).toString());
      if (d == null) {
        continue;
      }
      for (JsonNode sec : d.path(0).path("formatted").path("value").path(".bss")) {
        sec.properties().forEach(e -> {
          if (e.getKey().startsWith("cnt_")) {
            long[] s = sums.computeIfAbsent(e.getKey().substring(4), k -> new long[e.getValue().size()]);
            for (int j = 0; j < s.length && j < e.getValue().size(); j++) {
              s[j] += e.getValue().get(j).asLong();
            }
          }
        });
      }
    }
    StepEvents.put(events, sums, spec);
  }
}
