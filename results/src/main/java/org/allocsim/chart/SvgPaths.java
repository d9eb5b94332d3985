package org.allocsim.chart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shorter path data in an SVG that JFreeSVG wrote. XChart draws a line in one path only as a "smooth" curve (each
 * segment a cubic whose control points sit at the middle x); a stepped series has only horizontal and vertical
 * segments, whose cubics are straight. Each such cubic is written as a line, and the points inside a straight run
 * are dropped: a stepped line takes a fraction of the bytes and draws the same.
 */
final class SvgPaths {
  private static final Pattern DATA = Pattern.compile(" d='([^']*)'");
  private static final Pattern SEGMENT = Pattern.compile("([MLQCZ])([^MLQCZ]*)");

  private SvgPaths() {}

  static String shorten(String svg) {
    Matcher m = DATA.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(" d='" + path(m.group(1)) + "'"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The path data with straight cubics as lines and straight runs as one line each. */
  static String path(String d) {
    StringBuilder out = new StringBuilder(d.length());
    String[] at = null; // the current point, as written
    String[] end = null; // the end of the pending straight run from at, or null
    Matcher s = SEGMENT.matcher(d);
    while (s.find()) {
      char type = s.group(1).charAt(0);
      String[] n = s.group(2).isEmpty() ? new String[0] : s.group(2).split(",");
      String[] to = n.length >= 2 ? new String[] {n[n.length - 2], n[n.length - 1]} : null;
      String[] from = end != null ? end : at;
      boolean line = type == 'L' || (type == 'C' && from != null && straight(from, n));
      if (line && from != null) {
        if (end != null && continues(at, end, to)) {
          end = to;
          continue;
        }
        flush(out, end);
        at = from;
        end = to;
        continue;
      }
      flush(out, end);
      end = null;
      out.append(s.group());
      at = type == 'Z' ? null : to;
    }
    flush(out, end);
    return out.toString();
  }

  private static void flush(StringBuilder out, String[] end) {
    if (end != null) {
      out.append('L').append(end[0]).append(',').append(end[1]);
    }
  }

  /** Whether to extends the run at..end horizontally or vertically, in the same direction. */
  private static boolean continues(String[] at, String[] end, String[] to) {
    boolean horizontal = at[1].equals(end[1]) && end[1].equals(to[1])
        && Math.signum(num(end[0]) - num(at[0])) * Math.signum(num(to[0]) - num(end[0])) >= 0;
    boolean vertical = at[0].equals(end[0]) && end[0].equals(to[0])
        && Math.signum(num(end[1]) - num(at[1])) * Math.signum(num(to[1]) - num(end[1])) >= 0;
    return horizontal || vertical;
  }

  /** Whether the cubic from p through control points c[0..3] to c[4..5] is a horizontal or vertical line. */
  private static boolean straight(String[] p, String[] c) {
    return c.length == 6 && ((p[1].equals(c[1]) && c[1].equals(c[3]) && c[3].equals(c[5]))
        || (p[0].equals(c[0]) && c[0].equals(c[2]) && c[2].equals(c[4])));
  }

  private static double num(String s) {
    return Double.parseDouble(s);
  }
}
