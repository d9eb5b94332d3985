package org.allocsim.report;

/** Word wrapping at the 72-column limit of a mailing-list reply. */
public final class Wrap {
  private Wrap() {}

  /** text wrapped at 72 columns; continuation lines start with indent. */
  public static String lines(String text, String indent) {
    return lines(text, "", indent);
  }

  /** text wrapped at 72 columns; the first line starts with first, continuation lines with indent. */
  public static String lines(String text, String first, String indent) {
    StringBuilder b = new StringBuilder();
    StringBuilder line = new StringBuilder(first);
    int start = first.length(); // where the current line's words begin
    for (String w : text.split(" ")) {
      if (w.isEmpty()) {
        continue;
      }
      if (line.length() > start && line.length() + 1 + w.length() > SummaryText.WIDTH) {
        b.append(line).append('\n');
        line.setLength(0);
        line.append(indent);
        start = indent.length();
      }
      while (line.length() + w.length() > SummaryText.WIDTH) { // a word longer than a line: cut it
        int room = SummaryText.WIDTH - line.length() - (line.length() > start ? 1 : 0);
        b.append(line).append(line.length() > start ? " " : "").append(w, 0, room).append('\n');
        line.setLength(0);
        line.append(indent);
        start = indent.length();
        w = w.substring(room);
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(w);
    }
    return b.append(line).append('\n').toString();
  }

  /** A shell command split into lines of at most width columns with backslash continuations. */
  static String command(String command, int width) {
    StringBuilder b = new StringBuilder();
    StringBuilder line = new StringBuilder("  ");
    for (String word : command.split(" ")) {
      if (line.length() > 2 && line.length() + 1 + word.length() + 2 > width) {
        b.append(line).append(" \\\n");
        line.setLength(0);
        line.append("    ");
      } else if (line.length() > 2 && !line.toString().isBlank()) {
        line.append(' ');
      }
      line.append(word);
    }
    return b.append(line).append('\n').toString();
  }
}
