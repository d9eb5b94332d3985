package org.allocsim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.allocsim.kernel.ControlAction;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ProgramSpec;

/**
 * Loads a scenario object as libbpf does, with {@code bpftool prog loadall}: pinned maps already at their path are
 * reused ({@code map name M pinned PATH}), the others created and pinned. libbpf loads an object's programs all or
 * none, while the model judges each program: a program the verifier refuses is recorded and left out
 * ({@code -DALLOCSIM_SKIP_<prog>}) and the object loaded again, until the rest loads.
 */
final class KernelLoads {
  /** One loaded instance: its folder of fd pins, its accepted programs and its maps' kernel ids. */
  record Instance(String name, String process, Path dir, List<String> programs, Map<String, Integer> maps) {}

  /** A verdict and, for a refusal, the verifier's line. */
  record Verdict(String program, boolean accepted, String message) {}

  private final Bpffs fs;
  private final Compiler compiler;
  private final Path logs;
  private final KernelPins pins;

  KernelLoads(Bpffs fs, Compiler compiler, Path logs, KernelPins pins) {
    this.fs = fs;
    this.compiler = compiler;
    this.logs = logs;
    this.pins = pins;
  }

  /** Loads; returns the instance (null when nothing loaded) and adds every program's verdict. */
  Instance load(ControlAction.LoadObject a, String objectName, List<Verdict> verdicts) {
    TreeSet<String> skip = new TreeSet<>();
    Path dir = fs.root().resolve("i").resolve(a.instance());
    List<String> programs = a.spec().programs().stream().map(ProgramSpec::name).toList();
    for (int attempt = 1;; attempt++) {
      Path obj = compiler.object(objectName, a.spec(), skip);
      Bpffs.mkdirs(dir);
      List<String> cmd = new ArrayList<>(List.of("-d", "prog", "loadall", obj.toString(),
          dir.resolve("p").toString(), "pinmaps", dir.resolve("m").toString()));
      for (MapSpec m : a.spec().maps()) {
        Path pinned = m.pinPath() == null || m.type() == MapType.ALLOCATOR ? null : pins.path(m.pinPath());
        if (pinned != null && Files.exists(pinned)) {
          cmd.addAll(List.of("map", "name", m.name(), "pinned", pinned.toString()));
        }
      }
      Shell.Result r = fs.tool(cmd);
      writeLog(a.instance() + "-load-" + attempt + ".log", r);
      if (r.ok()) {
        break;
      }
      Bpffs.remove(dir);
      String refused = VerifierLog.refusedProgram(r.output()).orElse(null);
      String message = VerifierLog.reason(r.output(), refused);
      if (refused == null || !programs.contains(refused) || skip.contains(refused)) {
        for (String p : programs) {
          if (!skip.contains(p)) {
            verdicts.add(new Verdict(p, false, message));
          }
        }
        return null;
      }
      verdicts.add(new Verdict(refused, false, message));
      skip.add(refused);
    }
    List<String> accepted = new ArrayList<>();
    for (String p : programs) {
      if (!skip.contains(p)) {
        accepted.add(p);
        verdicts.add(new Verdict(p, true, ""));
      }
    }
    Map<String, Integer> maps = new LinkedHashMap<>();
    for (MapSpec m : a.spec().maps()) {
      if (m.type() != MapType.ALLOCATOR) {
        Path pin = dir.resolve("m").resolve(m.name());
        maps.put(m.name(), fs.mapId(pin));
        if (m.pinPath() != null && !Files.exists(pins.path(m.pinPath()))) {
          pins.pin(pin, m.pinPath());
        }
      }
    }
    return new Instance(a.instance(), a.process(), dir, accepted, maps);
  }

  /** The pin of the instance's global data (its outcome counters), if the object has any. */
  static Path globalData(Instance i) {
    try (var s = Files.list(i.dir().resolve("m"))) {
      return s.filter(p -> p.getFileName().toString().endsWith("bss")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private void writeLog(String name, Shell.Result r) {
    try {
      Files.writeString(logs.resolve(name), "$ " + r.line() + "\n" + r.output() + "# exit " + r.status() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
