package org.allocsim.strategy;

import java.util.Objects;

/**
 * The verifier's answer to a program load (or a map-in-map insert).
 *
 * @param accepted true when loaded
 * @param reason for a rejection: the message a kernel developer would see, e.g. {@code invalid kptr access}
 */
public record LoadVerdict(boolean accepted, String reason) {
  public static final LoadVerdict ACCEPT = new LoadVerdict(true, "");

  public LoadVerdict {
    Objects.requireNonNull(reason, "reason");
    if (!accepted && reason.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
  }

  public static LoadVerdict reject(String reason) {
    return new LoadVerdict(false, reason);
  }
}
