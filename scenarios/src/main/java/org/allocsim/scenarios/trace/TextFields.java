package org.allocsim.scenarios.trace;

import org.allocsim.kernel.TraceException;

/**
 * Splits one text-trace line into fields and parses them in place, without a String per field on the hot path.
 * Every error names the file, the line and the column where the field starts (1-based, a tab counting as one).
 */
final class TextFields {
  /** Six record fields, plus one to notice a seventh. */
  private static final int MAX_FIELDS = 7;
  /** Time units and their nanoseconds; a fraction may use as many digits as the unit has zeros. */
  private static final String[] UNITS = {"ns", "us", "ms", "s"};
  private static final long[] UNIT_NS = {1, 1_000, 1_000_000, 1_000_000_000};

  private final String file;
  private final int[] starts = new int[MAX_FIELDS];
  private final int[] ends = new int[MAX_FIELDS];
  private int count;
  private int lineLength;

  TextFields(String file) {
    this.file = file;
  }

  /** Finds the fields of {@code line} from index {@code from}; returns how many (at most seven). */
  int split(String line, int from) {
    count = 0;
    lineLength = line.length();
    int i = from;
    while (count < MAX_FIELDS) {
      while (i < lineLength && isBlank(line.charAt(i))) {
        i++;
      }
      if (i == lineLength) {
        break;
      }
      starts[count] = i;
      while (i < lineLength && !isBlank(line.charAt(i))) {
        i++;
      }
      ends[count++] = i;
    }
    return count;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  int count() {
    return count;
  }

  int start(int field) {
    return starts[field];
  }

  int column(int field) {
    return starts[field] + 1;
  }

  String text(String line, int field) {
    return line.substring(starts[field], ends[field]);
  }

  /** Fails unless the line has field {@code f}; a missing field points just past the end of the line. */
  void require(long line, int f, String what) {
    if (f >= count) {
      throw error(line, lineLength + 1, "expected " + what + ", got end of line");
    }
  }

  /** A whole number in {@code 0..max}. */
  long number(long line, String text, int f, String what, long max) {
    require(line, f, what);
    int s = starts[f];
    int e = ends[f];
    long v = 0;
    boolean ok = e - s <= 19;
    for (int i = s; ok && i < e; i++) {
      char c = text.charAt(i);
      ok = isDigit(c);
      v = v * 10 + (c - '0');
    }
    if (!ok || v < 0 || v > max) {
      throw error(line, s + 1, "expected " + what + ", a whole number 0.." + max + ", got " + quote(text(text, f)));
    }
    return v;
  }

  /** A time: whole nanoseconds, or a decimal number with a unit ({@code 1500}, {@code 1.5us}, {@code 2s}). */
  long time(long line, String text, int f) {
    int s = starts[f];
    int e = ends[f];
    int i = s;
    long whole = 0;
    boolean overflow = false;
    for (; i < e && isDigit(text.charAt(i)); i++) {
      int d = text.charAt(i) - '0';
      overflow |= whole > (Long.MAX_VALUE - d) / 10;
      whole = whole * 10 + d;
    }
    int fracStart = i;
    int fracEnd = i;
    if (i > s && i < e && text.charAt(i) == '.') {
      fracStart = ++i;
      while (i < e && isDigit(text.charAt(i))) {
        i++;
      }
      fracEnd = i;
    }
    if (i == s || (fracStart == fracEnd && fracStart > s && text.charAt(fracStart - 1) == '.')) {
      throw error(line, s + 1, "expected a time (whole ns, or a number with unit ns, us, ms or s), got "
          + quote(text(text, f)));
    }
    int unit = -1;
    for (int u = 0; u < UNITS.length && i < e; u++) {
      if (UNITS[u].length() == e - i && text.startsWith(UNITS[u], i)) {
        unit = u;
      }
    }
    if (i < e && unit < 0) {
      throw error(line, i + 1, "expected a time unit (ns, us, ms or s), got " + quote(text.substring(i, e)));
    }
    long scale = unit < 0 ? 1 : UNIT_NS[unit];
    while (fracEnd > fracStart && text.charAt(fracEnd - 1) == '0') {
      fracEnd--;
    }
    long fraction = 0;
    long fractionScale = 1;
    for (int d = fracStart; d < fracEnd; d++) {
      fraction = fraction * 10 + (text.charAt(d) - '0');
      fractionScale *= 10;
      if (fractionScale > scale) {
        throw error(line, s + 1, "expected a whole number of nanoseconds, got " + quote(text(text, f)));
      }
    }
    if (overflow || whole > (Long.MAX_VALUE - fraction * (scale / fractionScale)) / scale) {
      throw error(line, s + 1, "expected a time below 2^63 ns, got " + quote(text(text, f)));
    }
    return whole * scale + fraction * (scale / fractionScale);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  TraceException error(long line, int column, String what) {
    return new TraceException(file + ":" + line + ":" + column + ": " + what);
  }

  /** A field quoted for a message, cut short so a garbage line cannot flood the terminal. */
  static String quote(String s) {
    return "'" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "'";
  }
}
