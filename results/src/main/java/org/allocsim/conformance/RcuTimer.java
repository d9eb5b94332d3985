package org.allocsim.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Times normal RCU grace periods: {@code membarrier(MEMBARRIER_CMD_GLOBAL)} returns after synchronize_rcu(). A
 * ten-line C program, built with cc at run time, times 21 calls and prints their median in nanoseconds.
 */
final class RcuTimer {
  private static final String SOURCE = """
      // allocsim kernel --calibrate: median time of membarrier(MEMBARRIER_CMD_GLOBAL), one synchronize_rcu().
      #include <linux/membarrier.h>
      #include <stdio.h>
      #include <stdlib.h>
      #include <sys/syscall.h>
      #include <time.h>
      #include <unistd.h>

      static int cmp(const void *a, const void *b)
      {
        long long x = *(const long long *)a, y = *(const long long *)b;
        return (x > y) - (x < y);
      }

      int main(void)
      {
        long long t[21];
        for (int i = 0; i < 21; i++) {
          struct timespec a, b;
          clock_gettime(CLOCK_MONOTONIC, &a);
          if (syscall(__NR_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0) != 0)
            return 1;
          clock_gettime(CLOCK_MONOTONIC, &b);
          t[i] = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
        }
        qsort(t, 21, sizeof(t[0]), cmp);
        printf("%lld\\n", t[10]);
        return 0;
      }
      """;

  private RcuTimer() {}

  /** The median grace period in ns, or -1 when cc or membarrier is not available. */
  static long medianGracePeriodNs(Shell shell, Path dir) throws IOException {
    Path c = dir.resolve("rcu-gp.c");
    Path exe = dir.resolve("rcu-gp");
    Files.writeString(c, SOURCE);
    if (!shell.run(List.of("cc", "-O2", "-o", exe.toString(), c.toString())).ok()) {
      return -1;
    }
    Shell.Result r = shell.run(List.of(exe.toString()));
    return r.ok() ? Long.parseLong(r.output().trim()) : -1;
  }
}
