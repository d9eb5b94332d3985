package org.allocsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the scenario library lives: {@code allocsim.home} (set by the launcher), else the working folder. */
final class Library {
  private Library() {}

  static Path home() {
    return Path.of(System.getProperty("allocsim.home", "."));
  }

  static Path folder() {
    return home().resolve("scenarios").resolve("library");
  }

  /** The library's scenario files, sorted by name; empty when the folder is absent. */
  static List<Path> files() {
    if (!Files.isDirectory(folder())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
