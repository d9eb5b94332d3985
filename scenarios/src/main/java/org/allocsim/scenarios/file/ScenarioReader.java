package org.allocsim.scenarios.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.KernelParameters;
import org.allocsim.kernel.RecordList;
import org.allocsim.kernel.RunSpec;
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
      if (Files.size(file) > Doc.MAX_BYTES) {
        throw new ScenarioError(file.toString(), 1, 1, "file is larger than " + (Doc.MAX_BYTES >> 20)
            + " MiB; not a scenario");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
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
    String name = top.require("name", root).name();
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
            .read(top.get("timeline")) : List.of();
    // Half the heap: the run needs room for objects, caches and metrics besides the maps' slot tables.
    MemoryLimit.check(timeline, top.has("objects") ? top.get("objects") : root, Runtime.getRuntime().maxMemory() / 2);
    int cpus = cpus(params, top.get("parameters") != null ? top.get("parameters") : root);
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

  private static int cpus(ParametersSection params, YNode where) {
    try {
      int cpus = Integer.parseInt(params.value(KernelParameters.CPUS.key()));
      if (cpus >= 1 && cpus <= 4096) {
        return cpus;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw where.error("parameter cpus must be a whole number from 1 to 4096, got '"
        + params.value(KernelParameters.CPUS.key()) + "'");
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
