package org.allocsim.scenarios.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunSpec;
import org.allocsim.params.Limit;
import org.allocsim.params.ParameterSpec;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.workload.ProgramWorkload;
import org.allocsim.strategy.Strategies;

/** Reads and checks a scenario file. Every error is a {@link ScenarioError} naming file, line and column. */
public final class ScenarioReader {
  static final List<String> TOP_KEYS = List.of("name", "description", "source", "duration", "seed", "parameters",
      "kernel_types", "objects", "timeline", "workload", "records", "trace", "check", "expect");

  private final List<ParameterSpec> known;
  private final List<String> strategies;
  /** Strategies' own expectation files, read once per reader. */
  private final Map<Path, Map<String, Expectation>> ownFiles = new java.util.HashMap<>();

  /** A reader that knows the kernel's parameters and those of the strategies on the class path. */
  public ScenarioReader() {
    this(Strategies.installed());
  }

  public ScenarioReader(Strategies installed) {
    this.known = new ArrayList<>(KernelParameters.ALL);
    for (String n : installed.names()) {
      known.addAll(installed.info(n).parameters());
    }
    this.strategies = installed.names();
  }

  public ScenarioFile read(Path file, Parameters overrides) {
    String text;
    try {
      if (Files.exists(file) && !Files.isRegularFile(file)) { // a FIFO would block forever
        throw new ScenarioError(file.toString(), 1, 1, Files.isDirectory(file) ? "a folder, not a scenario file"
            : "a device, FIFO or other special file, not a scenario file");
      }
      if (Files.size(file) > Doc.MAX_BYTES) {
        throw new ScenarioError(file.toString(), 1, 1, "file is larger than " + (Doc.MAX_BYTES >> 20)
            + " MiB; not a scenario");
      }
      text = TextInput.decode(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ScenarioError(file.toString(), 1, 1, "cannot read the file: " + describe(e));
    }
    return parse(file, text, overrides);
  }

  public ScenarioFile parse(Path file, String text, Parameters overrides) {
    String label = file.toString();
    YNode root = Doc.parse(label, text);
    YMap top = root.map().allow(TOP_KEYS);
    ParametersSection params = new ParametersSection(known);
    params.read(top.get("parameters"), overrides, docOf(root));
    String name = scenarioName(top.require("name", root));
    String description = top.require("description", root).text();
    String source = top.has("source") ? top.get("source").text() : "";
    long duration = top.require("duration", root).duration();
    if (duration <= 0) {
      throw top.get("duration").error("duration must be positive");
    }
    long seed = top.has("seed") ? top.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE) : 1;
    Map<String, Integer> kernelTypes = new LinkedHashMap<>();
    if (top.has("kernel_types")) {
      for (Map.Entry<YNode, YNode> e : top.get("kernel_types").map().entries()) {
        kernelTypes.put(e.getKey().name(), (int) e.getValue().bytes(SizeLimits.MAX_STRUCT_BYTES));
      }
    }
    var objects = top.has("objects") ? ObjectsSection.read(top.get("objects"), kernelTypes.keySet())
        : Map.<String, org.allocsim.world.ObjectSpec>of();
    List<RunSpec.TimedAction> timeline = top.has("timeline")
        ? new TimelineSection(objects, kernelTypes.keySet(), duration, top.get("duration").text())
            .read(top.get("timeline"))
        : List.of();
    // Half the heap: the run needs room for objects, caches and metrics besides the maps' slot tables.
    MemoryLimit.check(timeline, top.has("objects") ? top.get("objects") : root, Runtime.getRuntime().maxMemory() / 2);
    YNode paramsAt = top.get("parameters") != null ? top.get("parameters") : root;
    int cpus = Integer.parseInt(params.value(KernelParameters.CPUS.key())); // checked by its ParameterSpec
    crossCheck(params, cpus, duration, paramsAt);
    List<ProgramWorkload> workload = top.has("workload")
        ? WorkloadSection.read(top.get("workload"), objects, cpus, duration) : List.of();
    RecordList records = top.has("records") ? RecordsSection.read(top.get("records"), objects, cpus) : null;
    Path trace = null;
    if (top.has("trace")) {
      Path base = file.toAbsolutePath().getParent();
      trace = base == null ? Path.of(top.get("trace").text()) : base.resolve(top.get("trace").text());
      if (!Files.isReadable(trace)) {
        throw top.get("trace").error("trace file " + top.get("trace").text() + " cannot be read");
      }
      if (!Files.isRegularFile(trace)) { // a FIFO would block forever, /dev/zero never end
        throw top.get("trace").error("trace file " + top.get("trace").text() + " is a folder, device, FIFO or "
            + "other special file; expected a regular file");
      }
      TraceCheck.header(top.get("trace"), trace, objects);
    }
    long checkDuration = duration;
    if (top.has("check")) {
      YMap check = top.get("check").map().allow(List.of("duration"));
      checkDuration = check.require("duration", top.get("check")).as("check duration").duration();
      if (checkDuration <= 0 || checkDuration > duration) {
        throw check.get("duration").error("the check duration must be positive and at most the scenario's duration");
      }
    }
    Map<String, Expectation> expectations = new LinkedHashMap<>(top.has("expect")
        ? ExpectSection.read(top.get("expect"), strategies) : Map.of());
    for (String s : strategies) {
      Path own = ExpectationFiles.of(file, s);
      if (!expectations.containsKey(s) && Files.isRegularFile(own)) {
        Expectation e = ownFiles.computeIfAbsent(own, f -> ExpectationFiles.read(f, s)).get(name);
        if (e != null) {
          expectations.put(s, e);
        }
      }
    }
    return new ScenarioFile(file, name, description, source, duration, seed, params.modelParameters(), params.all(),
        kernelTypes, objects, timeline, workload, records, trace, checkDuration, expectations, text);
  }

  /**
   * The scenario's name names its output folder, out/NAME: '.', '..' or a hidden name would put the outputs on
   * top of the output root or beside it (issue 15: {@code name: ..} replaced the working directory).
   */
  private static String scenarioName(YNode node) {
    String name = node.as("the scenario's name").name();
    if (name.startsWith(".")) {
      throw node.error("the scenario's name '" + name + "' names its output folder out/" + name + "/: it must not "
          + "start with '.'");
    }
    return name;
  }

  /** The checks that involve two values: the control CPU exists; the sample grid fits the limit. */
  private static void crossCheck(ParametersSection params, int cpus, long duration, YNode where) {
    String control = KernelParameters.CONTROL_CPU.key();
    long controlCpu = Long.parseLong(params.value(control));
    if (controlCpu >= cpus) {
      throw params.error(control, "expected a CPU from 0 to " + (cpus - 1) + " (cpus is " + cpus + "), got "
          + controlCpu, where);
    }
    String interval = KernelParameters.SAMPLE_INTERVAL.key();
    long samples = duration / Long.parseLong(params.value(interval)) + 1;
    if (samples > Limit.SAMPLES.value()) {
      throw params.error(interval, "gives " + samples + " samples over the scenario's duration; "
          + Limit.SAMPLES.explain() + ", or choose a longer interval", where);
    }
  }

  private static Doc docOf(YNode root) {
    return root.doc();
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
