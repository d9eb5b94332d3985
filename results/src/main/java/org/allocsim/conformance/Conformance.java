package org.allocsim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allocsim.kernel.Observations;
import org.allocsim.kernel.RandomStreams;
import org.allocsim.kernel.RecordBatch;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;
import org.allocsim.kernel.Simulation;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.scenarios.file.ScenarioRuns;
import org.allocsim.strategy.Strategies;

/** Runs one scenario on the kernel and under {@code global}, and compares them event by event. */
final class Conformance {
  static final String STRATEGY = "global";
  private final Shell shell;
  private final String bpftool;
  private final Path bpffsRoot;
  private final Set<String> vmlinuxStructs;
  private final KnownDifferences known;
  private final long maxRecords;

  Conformance(Shell shell, String bpftool, Path bpffsRoot, Set<String> vmlinuxStructs, KnownDifferences known,
      long maxRecords) {
    this.shell = shell;
    this.bpftool = bpftool;
    this.bpffsRoot = bpffsRoot;
    this.vmlinuxStructs = vmlinuxStructs;
    this.known = known;
    this.maxRecords = maxRecords;
  }

  ScenarioCheck check(ScenarioFile f, Path out) {
    Optional<String> cannot = Expressible.reason(f);
    if (cannot.isPresent()) {
      return new ScenarioCheck(f.name(), cannot.get(), List.of(), "");
    }
    // The regression suite's short mode: long workload scenarios run only their check span.
    RunSpec full = ScenarioRuns.spec(f, f.seed(), 0, f.checkDurationNs());
    long records = countRecords(full);
    boolean replay = records <= maxRecords;
    // Too many records to replay one BPF_PROG_TEST_RUN each: both sides run the control plane alone.
    RunSpec spec = replay ? full : new RunSpec(full.name(), full.durationNs(), full.seed(), full.replication(),
        full.parameters(), full.kernelTypes(), full.timeline(), r -> RecordStream.empty());
    Observations obs = new Observations();
    RunResult result = Simulation.runObserved(spec, Strategies.installed().create(STRATEGY), obs);
    Map<String, String> model = ModelEvents.of(spec, result, obs);
    Map<String, String> kernel;
    Bpffs.mkdirs(out);
    try (Bpffs fs = new Bpffs(shell, bpftool, bpffsRoot.resolve(f.name()))) {
      Compiler compiler = new Compiler(shell, out, f.name(), f.kernelTypes(), vmlinuxStructs);
      java.util.Map<org.allocsim.world.ObjectSpec, String> names = new java.util.IdentityHashMap<>();
      f.objects().forEach((k, v) -> names.put(v, k));
      kernel = new KernelRun(fs, compiler, out, names).run(spec, obs, replay);
    } finally {
      try {
        Files.writeString(out.resolve("commands.log"), shell.drainLog());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Event> events = compare(f.name(), kernel, model, f);
    String note = replay ? "" : records + " records (more than " + maxRecords + "): the timeline alone, without "
        + "records, on both sides";
    if (!replay) {
      events.removeIf(e -> e.event().startsWith("steps "));
    }
    return new ScenarioCheck(f.name(), null, events, note);
  }

  private List<Event> compare(String scenario, Map<String, String> kernel, Map<String, String> model,
      ScenarioFile f) {
    Set<String> keys = new LinkedHashSet<>(model.keySet());
    keys.addAll(kernel.keySet());
    List<Event> out = new ArrayList<>();
    for (String k : keys) {
      String kv = kernel.getOrDefault(k, Agreement.NONE);
      String gv = model.get(k);
      if (gv == null && k.startsWith("kptr fields ")) {
        gv = KptrIntent.of(f, k.substring("kptr fields ".length()));
      } else if (gv == null && k.startsWith("map free ")) {
        gv = "not freed";
      } else if (gv == null) {
        gv = Agreement.NONE;
      }
      if (kv.equals(Agreement.NONE) && k.startsWith("map free ")) {
        kv = "not freed";
      }
      boolean agree = Agreement.agree(k, kv, gv);
      out.add(new Event(scenario, k, kv, gv, agree, agree ? "" : known.explain(scenario, k)));
    }
    return out;
  }

  private static long countRecords(RunSpec spec) {
    long n = 0;
    try (RecordStream s = spec.records().apply(new RandomStreams(spec.seed(), 0))) {
      RecordBatch b = new RecordBatch();
      for (int r = s.read(b); r > 0; r = s.read(b)) {
        for (int i = 0; i < r; i++) {
          n += b.time[i] <= spec.durationNs() ? 1 : 0;
        }
      }
    }
    return n;
  }
}
