package org.allocsim.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The one unit system of every human-readable output: bytes in KiB and MiB ({@link SummaryTable#bytes}), times in
 * ms below a second and in s from there, without trailing zeros (CSV files keep exact nanoseconds).
 */
public final class Units {
  private Units() {}

  /** 200 ms, 1.5 ms, 66 s, 20.0005 s; 0 s at zero. */
  public static String time(long ns) {
    if (ns == 0) {
      return "0 s";
    }
    boolean millis = Math.abs(ns) < 1_000_000_000L;
    BigDecimal v = BigDecimal.valueOf(ns).movePointLeft(millis ? 6 : 9).stripTrailingZeros();
    return v.toPlainString() + (millis ? " ms" : " s");
  }

  /** Bytes with the unit written out, for readers of a page or a chart's scale: 1.91 MiB, 554 KiB, 512 B. */
  public static String memory(long bytes) {
    String s = SummaryTable.bytes(bytes);
    char last = s.charAt(s.length() - 1);
    return Character.isDigit(last) ? s + " B" : s.substring(0, s.length() - 1) + " " + last + "iB";
  }

  /** A fraction as a percentage with one decimal: 96.7%. */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }
}
