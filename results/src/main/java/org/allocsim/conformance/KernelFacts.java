package org.allocsim.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the run needs to know of this kernel: its release and the names of vmlinux's structs. */
record KernelFacts(String release, Set<String> vmlinuxStructs) {
  private static final Pattern STRUCT = Pattern.compile("^\\[\\d+] STRUCT '([^']+)'", Pattern.MULTILINE);

  static KernelFacts read(Bpffs fs) {
    Set<String> names = new HashSet<>();
    Shell.Result r = fs.tool(List.of("btf", "dump", "file", "/sys/kernel/btf/vmlinux"));
    Matcher m = STRUCT.matcher(r.output());
    while (m.find()) {
      names.add(m.group(1));
    }
    fs.shell().drainLog();
    return new KernelFacts(kernelRelease(), names);
  }

  static String kernelRelease() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
    } catch (IOException e) {
      return System.getProperty("os.version", "unknown");
    }
  }
}
