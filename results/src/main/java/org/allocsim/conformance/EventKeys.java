package org.allocsim.conformance;

import java.util.HashMap;
import java.util.Map;

/** The names of comparable events, the same for the kernel's run and the model's. */
final class EventKeys {
  private final Map<String, Integer> seen = new HashMap<>();

  static String load(String instance, String program) {
    return "load " + instance + "/" + program;
  }

  static String insert(String innerMap, String outerLabel, long key) {
    return "insert " + innerMap + " into " + outerLabel + "[" + key + "]";
  }

  static String step(String program, int step, String kind) {
    return "steps " + program + "/" + step + " " + kind;
  }

  static String mapFree(String label) {
    return "map free " + label;
  }

  static String kptrFields(String label) {
    return "kptr fields " + label;
  }

  /** A user-space update or delete; a repeated one gets {@code #2}, {@code #3}, … in order. */
  String userOp(String action) {
    int n = seen.merge(action, 1, Integer::sum);
    return n == 1 ? action : action + " #" + n;
  }
}
