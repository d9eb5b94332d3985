package org.allocsim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the kernel's own tools (clang-19, bpftool) and keeps every command with its output for the logs. */
final class Shell {
  /** A finished command: its exit status and its stdout and stderr together. */
  record Result(List<String> command, int status, String output) {
    boolean ok() {
      return status == 0;
    }

    /** The command as a shell line, for the logs and for rerunning by hand. */
    String line() {
      return String.join(" ", command);
    }
  }

  private final StringBuilder log = new StringBuilder();

  Result run(List<String> command) {
    return run(command, null);
  }

  Result run(List<String> command, Path dir) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      Result r = new Result(List.copyOf(command), p.exitValue(), new String(out, StandardCharsets.UTF_8));
      log.append("$ ").append(r.line()).append('\n').append(r.output());
      if (!r.output().isEmpty() && !r.output().endsWith("\n")) {
        log.append('\n');
      }
      log.append("# exit ").append(r.status()).append("\n\n");
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Everything run so far, and clears it. */
  String drainLog() {
    String s = log.toString();
    log.setLength(0);
    return s;
  }
}
