package org.allocsim.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar of simulated seconds on stderr, shown only on a terminal and without --quiet. */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** No terminal to draw on (JDK 17: console() is null unless both ends are a terminal). */
  @SuppressWarnings("SystemConsoleNull") // the project runs on JDK 17, where the null test is the way to ask
  static boolean noTerminal() {
    return System.console() == null;
  }

  static Progress start(String task, long totalNs, boolean quiet) {
    if (quiet || noTerminal()) {
      return new Progress(null);
    }
    return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, totalNs / 1_000_000L))
        .setUnit(" sim-s", 1000).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
        .build());
  }

  /** A bar counting completed runs, with the elapsed time and an ETA (the library's default display). */
  static Progress runs(String task, int total, boolean quiet) {
    if (quiet || noTerminal() || total == 0) {
      return new Progress(null);
    }
    return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" runs", 1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build());
  }

  /** One more run completed. */
  synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /** Summed simulated time reached by all runs, ns. */
  void reached(long ns) {
    if (bar != null) {
      bar.stepTo(ns / 1_000_000L);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
