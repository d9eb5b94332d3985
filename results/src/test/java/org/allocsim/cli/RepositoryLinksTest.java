package org.allocsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: every Markdown link and every path mentioned in README.md, docs/ and the library
 * scenarios' headers points to a file of the repository that exists (and a Markdown anchor to a heading of it); web
 * addresses appear only in docs/sources.md, the citation list; and no file refers to the research notes outside the
 * repository the documentation was first written from.
 */
class RepositoryLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MD_LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern URL = Pattern.compile("https?://");
  /** A path into the repository's own folders, or one that climbs out of the folder it is written in. */
  private static final Pattern PATH = Pattern.compile(
      "(?<![\\w./-])((?:\\.\\./)+[^\\s`'\"),;]*"
          + "|(?:docs|scenarios|sim-core|strategies|results|bench|\\.ci)/[^\\s`'\"),;]*"
          + "|/work/[^\\s`'\"),;]*|[\\w.-]+\\.md\\b)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

  /** A page to check: its path and the text whose links count (a scenario's header, a Markdown file whole). */
  record Page(Path file, String text) {}

  static List<Page> pages() throws IOException {
    List<Page> pages = new ArrayList<>();
    pages.add(new Page(ROOT.resolve("README.md"), Files.readString(ROOT.resolve("README.md"))));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        pages.add(new Page(p, Files.readString(p)));
      }
    }
    try (Stream<Path> s = Files.list(ROOT.resolve("scenarios/library"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        pages.add(new Page(p, header(Files.readAllLines(p))));
      }
    }
    return pages;
  }

  /** The comment lines a scenario starts with, and its source: line. */
  static String header(List<String> lines) {
    StringBuilder b = new StringBuilder();
    boolean top = true;
    for (String l : lines) {
      top = top && l.startsWith("#");
      if (top || l.startsWith("source:")) {
        b.append(l).append('\n');
      }
    }
    return b.toString();
  }

  /** Problems of one page's links and path mentions; empty when everything stays inside and exists. */
  static List<String> problems(Page page) throws IOException {
    List<String> out = new ArrayList<>();
    String name = ROOT.relativize(page.file()).toString();
    Path folder = page.file().getParent();
    Matcher link = MD_LINK.matcher(page.text());
    while (link.find()) {
      String target = link.group(1);
      if (URL.matcher(target).lookingAt() || target.startsWith("mailto:")) {
        out.add(name + ": link leaves the repository: " + target);
        continue;
      }
      int hash = target.indexOf('#');
      Path file = hash == 0 ? page.file() : folder.resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
      if (!file.startsWith(ROOT)) {
        out.add(name + ": link leaves the repository: " + target);
      } else if (!Files.exists(file)) {
        out.add(name + ": link to a missing file: " + target);
      } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
        out.add(name + ": no heading for anchor " + target);
      }
    }
    if (!page.file().endsWith(Path.of("docs", "sources.md")) && URL.matcher(page.text()).find()) {
      out.add(name + ": a web address outside docs/sources.md");
    }
    String prose = MD_LINK.matcher(page.text()).replaceAll("");
    Matcher path = PATH.matcher(prose);
    while (path.find()) {
      String p = path.group(1).replaceAll("[.:]+$", "").replaceAll("(:[0-9]+)+$", ""); // file:line:column
      if (p.matches(".*[…*<>${}].*") || p.contains("/target/") || p.startsWith("bench/target")) {
        continue; // a pattern or a build output, not a file
      }
      if (p.startsWith("/work/")) {
        out.add(name + ": path outside the repository: " + p);
        continue;
      }
      Path resolved = resolve(p, folder);
      if (resolved == null || !resolved.startsWith(ROOT)) {
        out.add(name + ": path leaves the repository: " + p);
      } else if (!Files.exists(resolved)) {
        out.add(name + ": path to a missing file: " + p);
      }
    }
    return out;
  }

  /** A mention relative to the page's folder (../x), the repository root (docs/x), or, for a bare x.md, docs/. */
  private static Path resolve(String p, Path folder) {
    if (p.startsWith("../")) {
      return folder.resolve(p).normalize();
    }
    if (p.contains("/")) {
      return ROOT.resolve(p).normalize();
    }
    for (Path base : List.of(folder, ROOT, ROOT.resolve("docs"))) {
      if (Files.exists(base.resolve(p))) {
        return base.resolve(p);
      }
    }
    return ROOT.resolve("docs").resolve(p);
  }

  /** GitHub's anchors for a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
  static List<String> anchors(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    if (!file.toString().endsWith(".md")) {
      return out;
    }
    Matcher h = HEADING.matcher(Files.readString(file).replaceAll("(?s)```.*?```", ""));
    while (h.find()) {
      out.add(h.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
    }
    return out;
  }

  @Test
  void everyLinkAndPathStaysInTheRepositoryAndExists() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Page> pages = pages();
    assertTrue(pages.size() > 40, "pages: " + pages.size());
    for (Page page : pages) {
      problems.addAll(problems(page));
    }
    assertEquals(List.of(), problems);
  }

  /** The research notes' folder beside the checkout, spelled in parts so that this file does not name its path. */
  private static final String NOTES = "sha" + "red";

  @Test
  void theCheckCatchesLinksThatLeaveOrDangle() throws IOException {
    Page page = new Page(ROOT.resolve("docs/x.md"), String.join("\n",
        "[notes](../../" + NOTES
            + "/design/kernel-model.md) and [gone](missing.md) and [bad anchor](designs.md#nowhere)",
        "see kernel-model.md, ../" + NOTES + "/design/workloads.md and /work/" + NOTES
            + "/design/ and https://example.org",
        "fine: [designs](designs.md#design-3-a-static-allocator-per-map-static-per-map),",
        "and scenarios/library/s07-load-order.yaml"));
    List<String> p = problems(page);
    assertEquals(7, p.size(), String.join("\n", p));
    assertTrue(p.get(0).contains("leaves the repository"), p.get(0));
    assertTrue(p.stream().anyMatch(s -> s.contains("missing file: kernel-model.md")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("no heading for anchor designs.md#nowhere")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.contains("a web address outside docs/sources.md")), p.toString());
  }

  @Test
  void noFileReferencesTheResearchNotesOutsideTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(ROOT)) {
      for (Path f : s.filter(Files::isRegularFile).filter(RepositoryLinksTest::isSource).toList()) {
        // Leniently: scenarios/bad/50-binary-garbage.yaml is not UTF-8 on purpose.
        String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("../" + NOTES) || text.contains("/work/" + NOTES) || text.contains("kernel-model.md")) {
          found.add(ROOT.relativize(f).toString());
        }
      }
    }
    assertEquals(List.of(), found);
  }

  private static boolean isSource(Path f) {
    String p = ROOT.relativize(f).toString();
    return !p.startsWith(".git") && !p.contains("/target/") && !p.startsWith("out/") && !p.contains(".cifuzz-corpus")
        && !p.endsWith("RepositoryLinksTest.java")
        && p.matches(".*\\.(java|md|yaml|json|sbatch|xml)$|\\.ci/.*|allocsim");
  }
}
