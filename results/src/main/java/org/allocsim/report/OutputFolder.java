package org.allocsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a run's outputs into a hidden sibling folder and renames it into place at the end, so that a reader never
 * sees half-written outputs: after a crash, an error or Ctrl-C the target holds the previous complete outputs, or
 * nothing, and the partial folder is removed (by the shutdown hook on Ctrl-C; after SIGKILL, by the next run into
 * the same place).
 *
 * <p>allocsim replaces only what it wrote: every folder it writes carries the marker file {@value #MARKER}, and a
 * target that exists without it (a user's folder, a plain file, a device node, {@code /}) is refused, never moved
 * or deleted (issue 15). Folders and files are created with plain create calls, so their modes follow the umask.
 */
public final class OutputFolder implements AutoCloseable {
  /** The file that marks a folder as allocsim's own output; its content never varies (outputs are compared). */
  public static final String MARKER = ".allocsim-output";
  private static final byte[] MARKER_TEXT = "allocsim output folder: allocsim may replace this folder whole\n"
      .getBytes(StandardCharsets.UTF_8);

  private final Path target;
  private final Path partial;
  private final Thread cleanup;
  private boolean committed;

  private OutputFolder(Path target) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    Path parent = this.target.getParent();
    Files.createDirectories(parent);
    removeStalePartials(this.target);
    // The pid in the name tells the next run whether the writer is still alive.
    this.partial = freshFolder(parent, "." + this.target.getFileName() + ".partial-" + ProcessHandle.current().pid()
        + "-");
    this.cleanup = new Thread(() -> deleteTree(partial), "allocsim-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Starts writing outputs for target; refuses a target that is not allocsim's own output folder. */
  public static OutputFolder create(Path target) {
    requireOwn(target);
    try {
      return new OutputFolder(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the output folder " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses (one line, exit 2) a path that exists and is not a folder carrying the marker. A path that does not
   * exist is fine: it will be created.
   */
  public static void requireOwn(Path target) {
    requireOwn(target, "");
  }

  /** {@link #requireOwn(Path)} with the option that named target first in the message ({@code --out: }). */
  public static void requireOwn(Path target, String option) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!isOwn(target)) {
      String what = Files.isSymbolicLink(target) ? "a symbolic link" : Files.isDirectory(target) ? "a folder"
          : Files.isRegularFile(target) ? "a file" : "a special file";
      throw new IllegalArgumentException(option + target + " is " + what + " that allocsim did not create (no " + MARKER
          + " in it); allocsim never replaces what it did not write: choose another output path");
    }
  }

  /** A real folder (not a link) holding the marker: allocsim's own earlier output. */
  public static boolean isOwn(Path folder) {
    return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  /** Creates folder (and parents) with the marker, or checks that it is allocsim's own: for folders written in. */
  public static void claim(Path folder) {
    requireOwn(folder);
    try {
      Files.createDirectories(folder);
      if (!Files.exists(folder.resolve(MARKER))) {
        Files.write(folder.resolve(MARKER), MARKER_TEXT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the output folder " + folder + ": " + e.getMessage(), e);
    }
  }

  public Path target() {
    return target;
  }

  /** A path inside the partial folder; parent folders are created. */
  public Path resolve(String relative) {
    Path p = partial.resolve(relative);
    try {
      Files.createDirectories(p.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  public void write(String relative, String text) {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  public void write(String relative, byte[] bytes) {
    try {
      Files.write(resolve(relative), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
    }
  }

  /** Renames the finished outputs into place, replacing earlier ones (only allocsim's own). */
  public void commit() {
    try {
      requireOwn(target); // again: something may have appeared there while the run ran
      Path old = null;
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        old = target.resolveSibling(partial.getFileName().toString().replace(".partial-", ".old-"));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        throw new UncheckedIOException("another run wrote " + target + " at the same time", e);
      }
      committed = true;
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the outputs into " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (!committed) {
      deleteTree(partial);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  /** A new folder named prefix + a random number, created with the umask's mode, holding the marker. */
  static Path freshFolder(Path parent, String prefix) throws IOException {
    for (int attempt = 0;; attempt++) {
      Path p = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
      try {
        Files.createDirectory(p);
        Files.write(p.resolve(MARKER), MARKER_TEXT);
        return p;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Removes the partial and old folders that a killed run into target left ({@code .NAME.partial-PID-*},
   * {@code .NAME.old-PID-*}): only ours (with the marker) and only when process PID is gone.
   */
  static void removeStalePartials(Path target) {
    String name = target.getFileName().toString();
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      for (Path p : siblings.toList()) {
        String n = p.getFileName().toString();
        for (String kind : new String[] {".partial-", ".old-"}) {
          String prefix = "." + name + kind;
          if (n.startsWith(prefix) && isOwn(p) && !alive(n.substring(prefix.length()))) {
            deleteTree(p);
          }
        }
      }
    } catch (IOException e) {
      // best effort: a leftover is harmless, and the next run tries again
    }
  }

  private static boolean alive(String pidAndRandom) {
    int dash = pidAndRandom.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? pidAndRandom : pidAndRandom.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a leftover hidden folder is harmless
    }
  }
}
