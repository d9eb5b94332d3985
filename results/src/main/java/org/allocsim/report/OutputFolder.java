package org.allocsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a run's outputs into a hidden sibling folder and renames it into place at the end, so that a reader never
 * sees half-written outputs: after a crash, an error or Ctrl-C the target holds the previous complete outputs, or
 * nothing, and the partial folder is removed (by the shutdown hook on Ctrl-C).
 */
public final class OutputFolder implements AutoCloseable {
  private final Path target;
  private final Path partial;
  private final Thread cleanup;
  private boolean committed;

  private OutputFolder(Path target) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    Path parent = this.target.getParent();
    Files.createDirectories(parent);
    this.partial = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
    this.cleanup = new Thread(() -> deleteTree(partial), "allocsim-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  public static OutputFolder create(Path target) {
    try {
      return new OutputFolder(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the output folder " + target + ": " + e.getMessage(), e);
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

  /** Renames the finished outputs into place, replacing earlier ones. */
  public void commit() {
    try {
      Path old = null;
      if (Files.exists(target)) {
        old = target.resolveSibling("." + target.getFileName() + ".old-" + partial.getFileName());
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

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
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
