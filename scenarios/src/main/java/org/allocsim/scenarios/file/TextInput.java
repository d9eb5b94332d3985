package org.allocsim.scenarios.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.allocsim.params.Limit;

/**
 * A scenario file's bytes as text, or an error with the line and column of the first thing that is not text:
 * bytes that are not UTF-8 (a UTF-16 file, binary garbage), a NUL, a line longer than the limit (issue 15: the
 * decoder's "Input length = 1" named no position).
 */
final class TextInput {
  private TextInput() {}

  static String decode(String file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      out.flip();
      throw at(file, out, "expected UTF-8 text, got byte 0x" + String.format("%02x", bytes[in.position()] & 0xff)
          + " (a binary file, or UTF-16 text? save it as UTF-8)");
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw at(file, CharBuffer.wrap(text, 0, nul), "expected text, got a NUL byte (a binary file, or UTF-16 "
          + "text? save it as UTF-8)");
    }
    long limit = Limit.LINE_LENGTH.value();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > limit) {
          throw new ScenarioError(file, line, (int) limit + 1, "line longer than " + limit + " characters; "
              + Limit.LINE_LENGTH.explain());
        }
        line++;
        start = i + 1;
      }
    }
    return text;
  }

  /** An error at the end of the text read so far. */
  private static ScenarioError at(String file, CharSequence before, String problem) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new ScenarioError(file, line, column, problem);
  }
}
