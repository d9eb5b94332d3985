package org.allocsim.report;

/** Word wrapping at the 72-column limit of a mailing-list reply. */
public final class Wrap {
  private Wrap() {
  }

  /** text wrapped at 72 columns; continuation lines start with indent. */
  public static String lines(String text, String indent) {
    StringBuilder b = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String w = word;
      while (w.length() > SummaryText.WIDTH - indent.length()) {
        if (line.length() > 0) {
          b.append(line).append('\n');
          line.setLength(0);
          line.append(indent);
        }
        int room = SummaryText.WIDTH - line.length();
        b.append(line).append(w, 0, room).append('\n');
        line.setLength(0);
        line.append(indent);
        w = w.substring(room);
      }
      if (line.length() > indent.length() && line.length() + 1 + w.length() > SummaryText.WIDTH) {
        b.append(line).append('\n');
        line.setLength(0);
        line.append(indent);
      } else if (line.length() > 0 && !line.toString().equals(indent)) {
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
