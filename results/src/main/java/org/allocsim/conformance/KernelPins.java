package org.allocsim.conformance;

import java.nio.file.Path;

/** A scenario's pin paths ({@code /sys/fs/bpf/katran/M}) mapped into the run's private bpffs folder. */
final class KernelPins {
  private final Bpffs fs;

  KernelPins(Bpffs fs) {
    this.fs = fs;
  }

  Path path(String scenarioPath) {
    String rel = scenarioPath.replaceFirst("^/sys/fs/bpf/?", "").replaceFirst("^/+", "");
    return fs.root().resolve("pin").resolve(rel);
  }

  /** Pins the map pinned at {@code from} also at the scenario path; returns the command's result. */
  Shell.Result pin(Path from, String scenarioPath) {
    Path to = path(scenarioPath);
    Bpffs.mkdirs(to.getParent());
    return fs.tool("map", "pin", "pinned", from.toString(), to.toString());
  }
}
