package org.allocsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.allocsim.kernel.RunResult;
import org.allocsim.params.Parameters;
import org.allocsim.scenarios.file.ScenarioError;
import org.allocsim.scenarios.file.ScenarioFile;
import org.allocsim.strategy.Strategies;
import org.junit.jupiter.api.Test;

/** Issue 14 (part a): today's free path by default, presets, acquired kernel objects, kmalloc buckets. */
class KernelTodayTest {
  private static final String FILE = "kernel-today.yaml";

  /** A program that acquires and releases a task_struct (9 KiB, over bpf_mem_alloc's 4096) and a cpumask. */
  private static final String ACQUIRE = """
      name: acquire
      description: "acquire and release kernel objects only"
      duration: 10ms
      parameters: {metrics.sample_interval_ns: 1ms}
      kernel_types: {task_struct: 9216, bpf_cpumask: 1032}
      objects:
        o:
          maps:
            K: {type: array, max_entries: 8, kptr: {mask: bpf_cpumask, task: task_struct}}
          programs:
            P:
              steps:
                - acquire_release: {type: task_struct}
                - acquire_store: {type: bpf_cpumask, to: K.mask}
                - acquire_store: {type: task_struct, to: K.task}
                - take_drop: {from: K.mask}
      timeline:
        - {at: 0, load: {object: o, as: o, by: agent}}
      records:
        - [1ms, 0, P, 0, 0]
        - [1ms, 0, P, 1, 3]
        - [1ms, 0, P, 2, 3]
        - [2ms, 0, P, 3, 3]
        - [2ms, 0, P, 1, 4]
      """;

  private static ScenarioFile read(String text, Parameters overrides) {
    return ScenarioText.read(FILE, text, overrides);
  }

  private static RunResult run(ScenarioFile f, String strategy) {
    return ScenarioText.run(f, strategy);
  }

  private static String value(ScenarioFile f, String key) {
    return f.parameters().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void todaysKernelFreesThroughBpfMemFreeRcuAndV64IsAPreset() {
    ScenarioFile today = read(ACQUIRE, Parameters.EMPTY);
    assertEquals("rcu", value(today, "memory.free_path"));
    assertEquals("v6.7", value(today, "preset"));
    ScenarioFile old = read(ACQUIRE.replace("parameters: {", "parameters: {preset: v6.4, "), Parameters.EMPTY);
    assertEquals("direct", value(old, "memory.free_path"));
    assertEquals("direct", old.modelParameters().asMap().get("memory.free_path"));
    // a value the scenario sets wins over its preset; the command line's preset wins over the scenario
    ScenarioFile mixed = read(ACQUIRE.replace("parameters: {", "parameters: {preset: v6.4, memory.free_path: rcu, "),
        Parameters.EMPTY);
    assertEquals("rcu", value(mixed, "memory.free_path"));
    ScenarioFile cli = read(ACQUIRE.replace("parameters: {", "parameters: {memory.free_path: rcu, "),
        new Parameters(java.util.Map.of("preset", "v6.4")));
    assertEquals("direct", value(cli, "memory.free_path"));
  }

  @Test
  void anUnknownPresetNamesItsPlace() {
    ScenarioError e = assertThrows(ScenarioError.class,
        () -> read(ACQUIRE.replace("parameters: {", "parameters: {preset: v5.0, "), Parameters.EMPTY));
    assertTrue(e.getMessage().startsWith("kernel-today.yaml:4:"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown preset 'v5.0'; expected one of v6.7, v6.4"), e.getMessage());
  }

  @Test
  void acquiredKernelObjectsNeverComeFromTheDesignsAllocators() {
    ScenarioFile f = read(ACQUIRE, Parameters.EMPTY);
    List<String> wrong = new ArrayList<>();
    for (String s : Strategies.installed().names()) {
      RunResult r = run(f, s);
      // no >4096-byte bpf_mem_alloc for the task, every design accepts a program that only acquires
      if (r.summary().loadsAccepted() != 1 || r.summary().failedAllocs() != 0 || r.summary().nullAllocs() != 0
          || !r.invariantBreaches().isEmpty()) {
        wrong.add(s + ": " + r.summary() + " " + r.invariantBreaches());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aCpumaskIsChargedToBpfCpumaskMaInItsKmallocBucket() {
    // One cpumask stays in K.mask[4]: 1032 + 8 = 1040 bytes land in kmalloc-2048, whatever the design.
    ScenarioFile f = read(ACQUIRE, Parameters.EMPTY);
    long global = run(f, "global").summary().endBytes();
    long perMap = run(f, "static-per-map").summary().endBytes();
    ScenarioFile without = read(ACQUIRE.replace("kernel_types: {task_struct: 9216, bpf_cpumask: 1032}",
        "kernel_types: {task_struct: 9216, bpf_cpumask: 1032}\n# no cpumask").replace(
            "- [1ms, 0, P, 1, 3]", "- [1ms, 0, P, 0, 3]")
        .replace("- [2ms, 0, P, 1, 4]", "- [2ms, 0, P, 0, 4]")
        .replace("- [2ms, 0, P, 3, 3]", "- [2ms, 0, P, 0, 3]"), Parameters.EMPTY);
    long globalWithout = run(without, "global").summary().endBytes();
    // bpf_cpumask_ma's prefill (4 CPUs) is what the cpumask brings; the design's own allocators do not move
    assertEquals(global - globalWithout, perMap - run(without, "static-per-map").summary().endBytes());
    long cacheStructs = 4 * 192; // bpf_cpumask_ma's struct bpf_mem_cache on each of the 4 CPUs
    long objects = global - globalWithout - cacheStructs;
    assertTrue(objects > 0 && objects % 2048 == 0, "charged in kmalloc-2048 units: " + objects);
  }

  @Test
  void bpfObjNewOfAKernelTypeIsRefusedWithAHint() {
    ScenarioError e = assertThrows(ScenarioError.class, () -> read(ACQUIRE.replace(
        "- acquire_release: {type: task_struct}", "- alloc_drop: {type: task_struct}"), Parameters.EMPTY));
    assertTrue(e.getMessage().contains("'task_struct' is a kernel type: use acquire_store or acquire_release"),
        e.getMessage());
  }

  @Test
  void aKernelObjectGoesOnlyIntoAKernelKptrOfItsOwnStruct() {
    // kernel vs local (a local field) and type identity (another kernel struct): every design refuses the load
    String local = ACQUIRE.replace("kptr: {mask: bpf_cpumask, task: task_struct}",
        "kptr: {mask: bpf_cpumask, task: task_struct, mine: node}").replace("objects:\n  o:\n",
            "objects:\n  o:\n    types: {node: 48}\n")
        .replace("- take_drop: {from: K.mask}",
            "- acquire_store: {type: bpf_cpumask, to: K.mine}");
    String other = ACQUIRE.replace("- take_drop: {from: K.mask}", "- acquire_store: {type: task_struct, to: K.mask}");
    for (String text : List.of(local, other)) {
      ScenarioFile f = read(text, Parameters.EMPTY);
      for (String s : Strategies.installed().names()) {
        RunResult r = run(f, s);
        assertEquals(0, r.summary().loadsAccepted(), s);
        assertTrue(r.verdicts().get(0).reason().startsWith("invalid kptr access"), s + ": " + r.verdicts());
      }
    }
  }

  @Test
  void paramsListsThePresetsAndTheOneARunFollows() throws java.io.IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.PrintWriter pw = new java.io.PrintWriter(out, true);
    assertEquals(0, org.allocsim.cli.Main.execute(new String[] {"params", "--presets"}, pw, pw));
    assertTrue(out.toString().contains("v6.7 (default)") && out.toString().contains("649924b76ab1"), out.toString());
    assertTrue(out.toString().contains("v6.4") && out.toString().contains("memory.free_path = direct"), out.toString());
    Path file = java.nio.file.Files.createTempFile("kernel-today", ".yaml");
    try {
      java.nio.file.Files.writeString(file, ACQUIRE);
      java.io.StringWriter listed = new java.io.StringWriter();
      java.io.PrintWriter lw = new java.io.PrintWriter(listed, true);
      assertEquals(0, org.allocsim.cli.Main.execute(new String[] {"params", file.toString(), "--preset", "v6.4"},
          lw, lw));
      assertTrue(listed.toString().contains("preset = v6.4 ") && listed.toString().contains(
          "memory.free_path = direct"), listed.toString());
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
