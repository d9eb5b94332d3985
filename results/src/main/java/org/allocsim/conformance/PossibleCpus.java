package org.allocsim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The live kernel's possible CPUs (/sys/devices/system/cpu/possible, e.g. {@code 0-1} or {@code 0-3,8-11}): a percpu
 * map's value has one copy per possible CPU, which the census walks.
 */
final class PossibleCpus {
  private static final Path POSSIBLE = Path.of("/sys/devices/system/cpu/possible");

  private PossibleCpus() {}

  static int count() {
    try {
      return parse(Files.readString(POSSIBLE).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of CPUs in a kernel CPU list. */
  static int parse(String list) {
    int n = 0;
    for (String range : list.split(",")) {
      String[] ends = range.split("-");
      n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
    }
    return n;
  }
}
