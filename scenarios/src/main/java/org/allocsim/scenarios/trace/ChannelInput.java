package org.allocsim.scenarios.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.allocsim.kernel.TraceException;

/**
 * A file read through a FileChannel into a large direct buffer, with the file offset of every byte known, so that
 * binary readers can say exactly where a file goes wrong. Not a stream: callers ask for room first
 * ({@link #need}, {@link #refillBelow}) and then decode from the buffer without a call per byte to the channel.
 */
final class ChannelInput implements AutoCloseable {
  /** Direct and large: FileChannel reads into it without a copy, and a refill comes once per ~10^5 records. */
  static final int BUFFER_BYTES = 1 << 20;

  private final String file;
  private final FileChannel channel;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  /** File offset of buf[0]. */
  private long base;
  private boolean eof;
  /** The record being decoded, named in errors; -1 in the header. A primitive, so the hot path builds no string. */
  long record = -1;

  ChannelInput(Path path) throws IOException {
    this.file = path.toString();
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    buf.limit(0);
  }

  ByteBuffer buffer() {
    return buf;
  }

  /** File offset of the next byte. */
  long offset() {
    return base + buf.position();
  }

  /** Whether bytes are left, reading more if the buffer is empty. */
  boolean atEnd() {
    if (!buf.hasRemaining()) {
      fill();
    }
    return !buf.hasRemaining();
  }

  /** Refills when fewer than {@code n} bytes are buffered; afterwards fewer remain only at the end of the file. */
  void refillBelow(int n) {
    if (buf.remaining() < n) {
      fill();
    }
  }

  /** Makes at least {@code n} bytes available, or fails saying what the file ends without. */
  void need(int n, String what) {
    refillBelow(n);
    if (buf.remaining() < n) {
      throw error(offset(), "expected " + what + ", got end of file");
    }
  }

  /**
   * An unsigned LEB128 varint (a negative result stands for 2^63 or more). The caller has buffered 10 bytes with
   * {@link #refillBelow} unless the file ends sooner, so running out of buffer here means the file is truncated.
   */
  long varint(String what) {
    int p = buf.position();
    int lim = buf.limit();
    long v = 0;
    for (int shift = 0;; shift += 7) {
      if (p == lim) {
        throw error(offset(), "expected " + what + ofRecord() + ", got end of file"
            + (p == buf.position() ? "" : " inside its varint"));
      }
      byte b = buf.get(p++);
      if (shift == 63 && (b & 0xfe) != 0) {
        throw error(offset(), "expected " + what + ofRecord() + " as a varint of at most 10 bytes and 64 bits,"
            + " got a longer one");
      }
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        buf.position(p);
        return v;
      }
    }
  }

  /** " of record N" while decoding records, else "". */
  String ofRecord() {
    return record < 0 ? "" : " of record " + record;
  }

  TraceException error(long offset, String what) {
    return new TraceException(file + ": byte " + offset + ": " + what);
  }

  /** Compacts and reads until the buffer is full or the file ends. */
  private void fill() {
    if (eof) {
      return;
    }
    base += buf.position();
    buf.compact();
    try {
      while (buf.hasRemaining()) {
        if (channel.read(buf) < 0) {
          eof = true;
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    buf.flip();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
