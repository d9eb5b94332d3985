package org.allocsim.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code allocsim kernel} needs: root with CAP_BPF, bpffs mounted, clang-19, bpftool, libbpf's headers, and a
 * kernel with {@code bpf_obj_new_impl}. {@link #missing} names the first thing missing and how to get it.
 */
final class Prerequisites {
  static final String INSTALL = "apt-get install -y clang-19 bpftool libbpf-dev";
  private static final long CAP_BPF = 39;
  private static final long CAP_SYS_ADMIN = 21;

  private Prerequisites() {}

  /** Empty when everything is there, else one line: what is missing and how to install or enable it. */
  static Optional<String> missing(Shell shell) {
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      return Optional.of("not Linux: the kernel checks need a Linux kernel with BPF");
    }
    long caps = effectiveCapabilities();
    if ((caps & (1L << CAP_BPF)) == 0 && (caps & (1L << CAP_SYS_ADMIN)) == 0) {
      return Optional.of("no CAP_BPF: run as root (sudo ./allocsim kernel ...)");
    }
    for (String tool : List.of("clang-19", "bpftool")) {
      if (which(tool).isEmpty()) {
        return Optional.of(tool + " not found: " + INSTALL);
      }
    }
    if (!Files.exists(Path.of("/usr/include/bpf/bpf_helpers.h"))) {
      return Optional.of("libbpf headers not found (/usr/include/bpf/bpf_helpers.h): " + INSTALL);
    }
    if (!isBpffs(Path.of("/sys/fs/bpf"))) {
      return Optional.of("bpffs is not mounted at /sys/fs/bpf: mount -t bpf bpf /sys/fs/bpf");
    }
    if (!Files.exists(Path.of("/sys/kernel/btf/vmlinux"))) {
      return Optional.of("no /sys/kernel/btf/vmlinux: the kernel needs CONFIG_DEBUG_INFO_BTF=y");
    }
    Shell.Result r = shell.run(List.of(which("bpftool").get(), "btf", "dump", "file", "/sys/kernel/btf/vmlinux"));
    if (!r.ok() || !r.output().contains("FUNC 'bpf_obj_new_impl'")) {
      return Optional.of("this kernel has no bpf_obj_new_impl kfunc (local kptrs landed in Linux 6.2)");
    }
    return Optional.empty();
  }

  static Optional<String> which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(":")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return Optional.of(p.toString());
      }
    }
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/local/sbin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return Optional.of(p.toString());
      }
    }
    return Optional.empty();
  }

  private static long effectiveCapabilities() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapEff:")) {
          return Long.parseUnsignedLong(line.substring(7).trim(), 16);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static boolean isBpffs(Path dir) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
        String[] f = line.split(" ");
        if (f.length > 2 && f[1].equals(dir.toString()) && f[2].equals("bpf")) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
