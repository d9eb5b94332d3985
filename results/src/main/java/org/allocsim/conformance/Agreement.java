package org.allocsim.conformance;

/** When a kernel outcome and the model's agree. */
final class Agreement {
  static final String NONE = "no such event";

  private Agreement() {}

  static boolean agree(String event, String kernel, String global) {
    if (event.startsWith("load ")) {
      if (kernel.startsWith("refused") && global.startsWith("refused")) {
        return kernel.contains(cause(global));
      }
      return kernel.equals(global);
    }
    if (event.startsWith("insert ")) {
      return kernel.startsWith("refused") == global.startsWith("refused") && !kernel.equals(NONE)
          && !global.equals(NONE);
    }
    return kernel.equals(global);
  }

  /** The cause a model refusal names: its reason up to the first colon ({@code invalid kptr access}). */
  static String cause(String refusal) {
    String reason = refusal.substring(refusal.indexOf(':') + 1).trim();
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
