package org.allocsim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs SEC("syscall") programs. bpftool's {@code prog run} always asks for a repeat count, which
 * BPF_PROG_TEST_RUN refuses for syscall programs (-EINVAL), so a twenty-line runner against libbpf-dev, built with
 * cc at run time, reads lines {@code PIN CTX_FILE COUNT} and runs each program COUNT times with that context.
 */
final class SyscallRunner {
  private static final String SOURCE = """
      // allocsim kernel: runs pinned SEC("syscall") programs; stdin lines "PIN CTX_FILE COUNT".
      #include <bpf/bpf.h>
      #include <stdio.h>
      #include <unistd.h>

      int main(void)
      {
        char pin[4096], file[4096];
        long count;

        while (scanf("%4095s %4095s %ld", pin, file, &count) == 3) {
          char ctx[256];
          FILE *f = fopen(file, "rb");
          size_t n = f ? fread(ctx, 1, sizeof(ctx), f) : 0;
          int fd = bpf_obj_get(pin);

          if (f)
            fclose(f);
          if (fd < 0 || n == 0) {
            fprintf(stderr, "cannot open %s or %s\\n", pin, file);
            return 1;
          }
          for (long i = 0; i < count; i++) {
            LIBBPF_OPTS(bpf_test_run_opts, opts, .ctx_in = ctx, .ctx_size_in = n);
            if (bpf_prog_test_run_opts(fd, &opts)) {
              perror("BPF_PROG_TEST_RUN");
              return 1;
            }
          }
          close(fd);
        }
        return 0;
      }
      """;

  private final Shell shell;
  private final Path dir;
  private Path exe;

  SyscallRunner(Shell shell, Path dir) {
    this.shell = shell;
    this.dir = dir;
  }

  /** Runs the lines; throws with the runner's output if a run fails. */
  void run(Path linesFile) {
    Shell.Result r = shell.run(List.of("sh", "-c", "\"$0\" < \"$1\"", exe().toString(), linesFile.toString()));
    if (!r.ok()) {
      throw new IllegalStateException("syscall runner failed on " + linesFile + ": " + r.output().strip());
    }
  }

  private Path exe() {
    if (exe == null) {
      Path c = dir.resolve("run-syscall.c");
      Path e = dir.resolve("run-syscall");
      try {
        Files.writeString(c, SOURCE);
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
      Shell.Result r = shell.run(List.of("cc", "-O2", "-o", e.toString(), c.toString(), "-lbpf"));
      if (!r.ok()) {
        throw new IllegalStateException("cc failed on " + c + " (libbpf-dev installed?):\n" + r.output());
      }
      exe = e;
    }
    return exe;
  }
}
