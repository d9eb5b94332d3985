package org.allocsim.conformance;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads libbpf's debug output of a failed load: which program the verifier refused, and its reason. */
final class VerifierLog {
  private static final Pattern FAILED = Pattern.compile("prog '([A-Za-z0-9_]+)': failed to load");
  private static final Pattern NOISE = Pattern.compile("^(verification time|stack depth|processed |mark_precise|"
      + "\\(|\\d+: |from \\d+ to|; |R\\d+=|Func#|func#|Validating|Live regs|\\s|$).*");

  private VerifierLog() {}

  /** The program libbpf names as refused, if the failure was a program's. */
  static Optional<String> refusedProgram(String output) {
    Matcher m = FAILED.matcher(output);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The verifier's own message: the last line of the program's load log that is not a trace or statistic. */
  static String reason(String output, String program) {
    int begin = program == null ? output.indexOf("-- BEGIN PROG LOAD LOG --")
        : output.indexOf("prog '" + program + "': -- BEGIN PROG LOAD LOG --");
    int end = begin < 0 ? -1 : output.indexOf("-- END PROG LOAD LOG --", begin);
    if (begin < 0 || end < begin) {
      return lastError(output);
    }
    List<String> lines = output.substring(begin, end).lines().toList();
    for (int i = lines.size() - 1; i > 0; i--) {
      if (!NOISE.matcher(lines.get(i)).matches()) {
        return lines.get(i).trim();
      }
    }
    return lastError(output);
  }

  private static String lastError(String output) {
    List<String> lines = output.lines().filter(l -> l.startsWith("libbpf:") || l.startsWith("Error:")).toList();
    return lines.isEmpty() ? "load failed" : lines.get(lines.size() - 1).trim();
  }

  /** The errno name of a failed bpftool map command, from strerror's text. */
  static String errno(String output) {
    for (String[] e : new String[][] {{"Invalid argument", "EINVAL"}, {"No such file or directory", "ENOENT"},
        {"File exists", "EEXIST"}, {"Argument list too long", "E2BIG"}, {"Operation not permitted", "EPERM"},
        {"Permission denied", "EACCES"}, {"Device or resource busy", "EBUSY"}, {"Bad file descriptor", "EBADF"},
        {"Cannot allocate memory", "ENOMEM"}, {"Operation not supported", "EOPNOTSUPP"}}) {
      if (output.contains(e[0])) {
        return e[1];
      }
    }
    return "error";
  }
}
