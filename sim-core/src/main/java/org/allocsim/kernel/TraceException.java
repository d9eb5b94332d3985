package org.allocsim.kernel;

/** A malformed or inconsistent trace record; the message says where (file and line, or byte offset, or index). */
public final class TraceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TraceException(String message) {
    super(message);
  }
}
