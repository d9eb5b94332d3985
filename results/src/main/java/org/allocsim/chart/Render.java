package org.allocsim.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** A figure as PNG bytes, or as an SVG document whose text is text (searchable, small). */
public final class Render {
  private Render() {
  }

  public static byte[] png(Figure f) {
    BufferedImage image = f.chart().createBufferedImage(f.width(), f.height());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * id: a prefix for the document's clip and gradient ids, unique within a page that inlines several charts. The
   * ids are fixed strings (never a clock), so the bytes depend only on the chart.
   */
  public static byte[] svg(Figure f, String id) {
    SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(Render::oneDecimal);
    f.chart().draw(g, new Rectangle(f.width(), f.height()));
    String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + g.getSVGElement(null, true, new ViewBox(0, 0, f.width(), f.height()), null, null) + "\n";
    return svg.getBytes(StandardCharsets.UTF_8);
  }

  /** A coordinate to a tenth of a pixel, without trailing zeros. */
  static String oneDecimal(double v) {
    long tenths = Math.round(v * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }
}
