package org.allocsim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * bpftool on a private folder of bpffs ({@code /sys/fs/bpf/allocsim-<pid>}): every pin this run makes lives under
 * it, and {@link #close} removes it all, also after a failure, so the kernel frees what the run created.
 */
final class Bpffs implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Shell shell;
  private final String bpftool;
  private final Path root;

  Bpffs(Shell shell, String bpftool, Path root) {
    this.shell = shell;
    this.bpftool = bpftool;
    this.root = root;
    mkdirs(root);
  }

  Path root() {
    return root;
  }

  Shell shell() {
    return shell;
  }

  Shell.Result tool(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(bpftool);
    cmd.addAll(List.of(args));
    return shell.run(cmd);
  }

  Shell.Result tool(List<String> args) {
    return tool(args.toArray(String[]::new));
  }

  /** The JSON bpftool prints with -j, or null when the command failed. */
  JsonNode json(String... args) {
    List<String> a = new ArrayList<>(List.of("-j"));
    a.addAll(List.of(args));
    Shell.Result r = tool(a);
    if (!r.ok()) {
      return null;
    }
    try {
      return JSON.readTree(r.output());
    } catch (IOException e) {
      return null;
    }
  }

  /** Ids of every map the kernel has now. */
  Set<Integer> mapIds() {
    Set<Integer> ids = new HashSet<>();
    JsonNode all = json("map", "list");
    if (all != null) {
      all.forEach(m -> ids.add(m.path("id").asInt()));
    }
    return ids;
  }

  int mapId(Path pin) {
    JsonNode m = json("map", "show", "pinned", pin.toString());
    return m == null ? -1 : m.path("id").asInt(-1);
  }

  static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Unpins a file or a whole folder of pins. */
  static void remove(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpin " + p, e);
    }
  }

  @Override
  public void close() {
    remove(root);
  }
}
