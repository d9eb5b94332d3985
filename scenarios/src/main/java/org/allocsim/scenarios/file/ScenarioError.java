package org.allocsim.scenarios.file;

/**
 * A scenario file is wrong. The message reads {@code FILE:LINE:COLUMN: what was expected}, with 1-based line and
 * column, like a compiler's.
 */
public final class ScenarioError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public ScenarioError(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the location. */
  public String problem() {
    return problem;
  }
}
