package org.allocsim.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
  private Render() {}

  public static byte[] png(Figure f) {
    BufferedImage image = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    paint(g, f);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * id: a prefix for the document's clip ids, unique within a page that inlines several charts. The ids count up
   * from it (never a clock or a random number), so the bytes depend only on the chart.
   */
  public static byte[] svg(Figure f, String id) {
    SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(Render::oneDecimal);
    g.setTransformDoubleConverter(Render::oneDecimal);
    paint(g, f);
    String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + SvgPaths.shorten(g.getSVGElement(null, true, new ViewBox(0, 0, f.width(), f.height()), null, null)) + "\n";
    return svg.getBytes(StandardCharsets.UTF_8);
  }

  private static void paint(Graphics2D g, Figure f) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, f.width(), f.height());
    f.axes().draw(g);
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
