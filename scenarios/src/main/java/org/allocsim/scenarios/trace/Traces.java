package org.allocsim.scenarios.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.allocsim.kernel.RecordStream;
import org.allocsim.kernel.TraceException;

/**
 * The trace formats, by name: each constant holds its reader and writer constructors, the file extensions it owns
 * and the bytes its files start with. Adding a format is one class and one constant here.
 */
@SuppressWarnings("ImmutableEnumChecker") // enums as factories: constructors and a magic nobody writes to
public enum Traces {
  TEXT("text", TextTrace.Reader::new, TextTrace.Writer::new, TextTrace.MAGIC.getBytes(StandardCharsets.US_ASCII),
      "trace", "txt"), BINARY("binary", BinaryTrace.Reader::new, BinaryTrace.Writer::new, BinaryTrace.magic(), "bin");

  /** Opens a reader or writer on a file. */
  @FunctionalInterface
  interface Opener<T> {
    T open(Path file) throws IOException;
  }

  private final String formatName;
  private final Opener<RecordStream> reader;
  private final Opener<TraceWriter> writer;
  private final byte[] magic;
  private final List<String> extensions;

  Traces(String formatName, Opener<RecordStream> reader, Opener<TraceWriter> writer, byte[] magic,
      String... extensions) {
    this.formatName = formatName;
    this.reader = reader;
    this.writer = writer;
    this.magic = magic;
    this.extensions = List.of(extensions);
  }

  /** The name used on the command line ({@code --format text}). */
  public String formatName() {
    return formatName;
  }

  public List<String> extensions() {
    return extensions;
  }

  /** Opens a reader; the file's header is read and checked at once, so program names are known. */
  public RecordStream open(Path file) throws IOException {
    try {
      return reader.open(file);
    } catch (NoSuchFileException e) {
      throw new TraceException(file + ": no such file");
    }
  }

  /** Opens a writer on {@code file}, replacing it; see {@link TraceFiles#write} for the all-or-nothing version. */
  public TraceWriter create(Path file) throws IOException {
    return writer.open(file);
  }

  /** The format called {@code name}, e.g. {@code binary}. */
  public static Traces named(String name) {
    return Stream.of(values()).filter(t -> t.formatName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown trace format '" + name + "'; known: " + names()));
  }

  /** "text, binary". */
  public static String names() {
    return Stream.of(values()).map(Traces::formatName).collect(Collectors.joining(", "));
  }

  /** The format owning the file's extension, if any. */
  public static Optional<Traces> byExtension(Path file) {
    String name = file.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return Stream.of(values()).filter(t -> name.contains(".") && t.extensions.contains(ext)).findFirst();
  }

  /**
   * The format of an existing file: by extension, or else by its first bytes. The extension wins so that a damaged
   * {@code .bin} file is reported as a bad binary trace rather than as "unknown format".
   */
  public static Traces detect(Path file) throws IOException {
    if (Files.isDirectory(file)) { // found by fuzzing: "trace stats ''" read the working directory
      throw new TraceException(file + ": a directory, not a trace file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) { // a FIFO would block forever, /dev/zero never end
      throw new TraceException(file + ": a device, FIFO or other special file, not a trace file; save the trace "
          + "to a regular file first");
    }
    Optional<Traces> known = byExtension(file);
    if (known.isPresent()) {
      return known.get();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(32);
    } catch (NoSuchFileException e) {
      throw new TraceException(file + ": no such file");
    }
    for (Traces t : values()) {
      if (head.length >= t.magic.length && Arrays.equals(head, 0, t.magic.length, t.magic, 0, t.magic.length)) {
        return t;
      }
    }
    throw new TraceException(file + ": byte 0: expected a trace (an extension of " + allExtensions()
        + ", or a text or binary trace header), got neither");
  }

  /** The format to write {@code file} in: by extension. */
  public static Traces forOutput(Path file) {
    return byExtension(file).orElseThrow(() -> new IllegalArgumentException("cannot tell the trace format of "
        + file + " from its extension (" + allExtensions() + "); give --format " + String.join("|",
            Stream.of(values()).map(Traces::formatName).toList())));
  }

  private static String allExtensions() {
    return Stream.of(values()).flatMap(t -> t.extensions.stream()).map(e -> "." + e)
        .collect(Collectors.joining(", "));
  }
}
