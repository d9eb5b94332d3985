package org.allocsim.scenarios.trace;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.allocsim.kernel.TraceException;
import org.allocsim.params.Limit;

/**
 * Refuses a line longer than the limit while it is read, before a reader buffers it whole (issue 15: a text trace
 * of NUL bytes is one endless line, and readLine() would hold all of it).
 */
final class LineLimitReader extends FilterReader {
  private final String file;
  private final long limit = Limit.LINE_LENGTH.value();
  private long line = 1;
  private long length;

  LineLimitReader(Reader in, String file) {
    super(in);
    this.file = file;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = off; i < off + n; i++) {
      count(buf[i]);
    }
    return n;
  }

  private void count(char c) {
    if (c == '\n') {
      line++;
      length = 0;
    } else if (++length > limit) {
      throw new TraceException(file + ":" + line + ":" + (limit + 1) + ": line longer than " + limit
          + " characters; " + Limit.LINE_LENGTH.explain());
    }
  }
}
