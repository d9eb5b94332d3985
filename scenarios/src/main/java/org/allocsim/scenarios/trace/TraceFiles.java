package org.allocsim.scenarios.trace;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.allocsim.kernel.RecordStream;

/** Opening trace files by their format, and writing them whole or not at all. */
public final class TraceFiles {
  private TraceFiles() {}

  /** Opens a trace in the format its extension or first bytes name. */
  public static RecordStream open(Path file) throws IOException {
    return Traces.detect(file).open(file);
  }

  /** {@link #write(RecordStream, Path, Traces)} in the format the extension of {@code file} names. */
  public static long write(RecordStream records, Path file) throws IOException {
    return write(records, file, Traces.forOutput(file));
  }

  /**
   * The absolute path of an output file that may be replaced: absent, or a regular file. A device node, a FIFO,
   * a folder or {@code /} is refused, never replaced (issue 15: {@code trace convert} turned /dev/null into a
   * file).
   */
  public static Path replaceableFile(Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (target.getParent() == null || (Files.exists(target) && !Files.isRegularFile(target))) {
      String what = Files.isDirectory(target) ? "a folder" : "a device, FIFO or other special file";
      throw new IllegalArgumentException(file + " is " + what + ", not a regular file; allocsim writes only "
          + "regular files it can replace whole: choose another output path");
    }
    return target;
  }

  /**
   * Writes every record of {@code records} (which the caller closes) to {@code file} in {@code format}; returns
   * how many. The records go to a hidden temporary file in the same folder, renamed over {@code file} only once
   * complete and on disk: a failure (a bad record, a full disk) leaves {@code file} as it was and no temporary
   * behind. The same folder keeps the rename atomic, as it cannot cross file systems.
   */
  public static long write(RecordStream records, Path file, Traces format) throws IOException {
    Path target = replaceableFile(file);
    Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".tmp");
    try {
      long n;
      try (TraceWriter w = format.create(temp)) {
        n = w.write(records);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return n;
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
