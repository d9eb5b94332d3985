package org.allocsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;

/**
 * The text around XChart's plots. XChart draws the data of each panel (lines, areas, bars, error bars) with its own
 * text turned off; this class draws the title, the grid at round ticks, the tick labels, the axis titles, the panel
 * labels and the legend with drawString, at positions from XChart's own mapping (getScreenXFromChart and
 * getScreenYFromChart), so that labels and lines agree and an SVG holds real text. Panels stack under one title
 * and share the x axis (small multiples).
 */
final class Axes {
  private static final int TOP = 36;
  private static final int GAP = 8;
  private static final int RIGHT = 24;
  private static final int ROW = 18;
  private static final BasicStroke THIN = new BasicStroke(1f);

  /** One panel: XChart's plot, its y axis and its label (empty for none). */
  record Panel(XYChart chart, Ticks y, String label) {}

  /** A legend entry: a line in its stroke with an optional marker, or a filled box when stroke is null. */
  record Key(String label, Color color, BasicStroke stroke, Marker marker) {
    static Key box(String label, Color color) {
      return new Key(label, color, null, null);
    }
  }

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final Ticks x;
  private final List<Panel> panels;
  private final List<Key> keys;
  private final int panelHeight;
  private final int left;
  private final List<List<Key>> rows;

  Axes(String title, String xTitle, String yTitle, Ticks x, List<Panel> panels, List<Key> keys, int panelHeight) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.x = x;
    this.panels = List.copyOf(panels);
    this.keys = List.copyOf(keys);
    this.panelHeight = panelHeight;
    FontMetrics tick = Style.metrics(Style.TICK);
    int widest = 0;
    for (Panel p : panels) {
      for (String l : p.y().labels()) {
        widest = Math.max(widest, tick.stringWidth(l));
      }
    }
    this.left = (yTitle.isEmpty() ? 12 : 34) + widest + 8;
    this.rows = rows();
  }

  String title() {
    return title;
  }

  List<XYChart> charts() {
    return panels.stream().map(Panel::chart).toList();
  }

  int height() {
    return TOP + panels.size() * panelHeight + (panels.size() - 1) * GAP + 46 + rows.size() * ROW + 6;
  }

  private int plotWidth() {
    return Style.WIDTH - left - RIGHT;
  }

  /**
   * Legend entries in rows that fit the plot's width: a long legend wraps instead of being cut, and so does a label
   * longer than a row (seven identical lines), its further lines under its first without a swatch.
   */
  private List<List<Key>> rows() {
    FontMetrics m = Style.metrics(Style.LABEL);
    List<List<Key>> out = new ArrayList<>();
    int used = 0;
    for (Key k : keys) {
      for (Key part : wrapped(k, m)) {
        int w = entryWidth(part, m);
        if (out.isEmpty() || used + w > plotWidth() || part.color() == null) {
          out.add(new ArrayList<>());
          used = 0;
        }
        out.get(out.size() - 1).add(part);
        used += w;
      }
    }
    return out;
  }

  /** k, or when its label is wider than a row, k with the words that fit and continuations with the rest. */
  private List<Key> wrapped(Key k, FontMetrics m) {
    if (entryWidth(k, m) <= plotWidth()) {
      return List.of(k);
    }
    List<Key> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : k.label().split(" ")) {
      String longer = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && 34 + m.stringWidth(longer) + 18 > plotWidth()) {
        out.add(out.isEmpty() ? new Key(line.toString(), k.color(), k.stroke(), k.marker())
            : new Key(line.toString(), null, null, null));
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(longer);
      }
    }
    out.add(new Key(line.toString(), null, null, null));
    return out;
  }

  private static int entryWidth(Key k, FontMetrics m) {
    return (k.stroke() == null ? 18 : 34) + m.stringWidth(k.label()) + 18;
  }

  void draw(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(Style.TITLE);
    g.drawString(title, (Style.WIDTH - Style.metrics(Style.TITLE).stringWidth(title)) / 2f, 22);
    int top = TOP;
    double bottom = top;
    for (int i = 0; i < panels.size(); i++) {
      bottom = panel(g, panels.get(i), top, i == panels.size() - 1);
      top += panelHeight + GAP;
    }
    g.setFont(Style.LABEL);
    g.setColor(Color.BLACK);
    FontMetrics label = Style.metrics(Style.LABEL);
    float middle = left + plotWidth() / 2f;
    g.drawString(xTitle, middle - label.stringWidth(xTitle) / 2f, (float) bottom + 34);
    if (!yTitle.isEmpty()) {
      AffineTransform t = g.getTransform();
      g.translate(16, (TOP + bottom) / 2);
      g.rotate(-Math.PI / 2);
      g.drawString(yTitle, -label.stringWidth(yTitle) / 2f, 0);
      g.setTransform(t);
    }
    legend(g, bottom + 46);
  }

  /** XChart's plot of p at [left, top], the grid under it, its frame and labels; returns the plot's bottom edge. */
  private double panel(Graphics2D g, Panel p, int top, boolean last) {
    XYChart c = p.chart();
    c.getStyler().setXAxisMin(x.lo()).setXAxisMax(x.hi()).setYAxisMin(p.y().lo()).setYAxisMax(p.y().hi());
    Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    c.paint(scratch, plotWidth(), panelHeight); // lays the plot out, so that its mapping answers
    scratch.dispose();
    double x0 = left + c.getScreenXFromChart(x.lo());
    double x1 = left + c.getScreenXFromChart(x.hi());
    double y0 = top + c.getScreenYFromChart(p.y().lo());
    double y1 = top + c.getScreenYFromChart(p.y().hi());
    g.setColor(Style.GRID);
    g.setStroke(THIN);
    for (double v : x.grid() ? x.at() : new double[0]) {
      double sx = left + c.getScreenXFromChart(v);
      g.draw(new Line2D.Double(sx, y1, sx, y0));
    }
    for (double v : p.y().grid() ? p.y().at() : new double[0]) {
      double sy = top + c.getScreenYFromChart(v);
      g.draw(new Line2D.Double(x0, sy, x1, sy));
    }
    AffineTransform t = g.getTransform();
    Shape clip = g.getClip();
    g.translate(left, top);
    c.paint(g, plotWidth(), panelHeight);
    g.setTransform(t);
    g.setClip(clip);
    g.setColor(Color.GRAY);
    g.setStroke(THIN);
    g.draw(new Rectangle2D.Double(x0, y1, x1 - x0, y0 - y1));
    g.setColor(Color.BLACK);
    g.setFont(Style.TICK);
    FontMetrics tick = Style.metrics(Style.TICK);
    for (int i = 0; i < p.y().at().length; i++) {
      String l = p.y().labels()[i];
      double sy = top + c.getScreenYFromChart(p.y().at()[i]);
      g.drawString(l, (float) x0 - 6 - tick.stringWidth(l), (float) sy + tick.getAscent() / 2f - 1);
    }
    if (last) {
      for (int i = 0; i < x.at().length; i++) {
        String l = x.labels()[i];
        double sx = left + c.getScreenXFromChart(x.at()[i]);
        g.drawString(l, (float) sx - tick.stringWidth(l) / 2f, (float) y0 + 16);
      }
    }
    if (!p.label().isEmpty()) {
      g.setFont(Style.LABEL);
      g.drawString(p.label(), (float) x0 + 6, (float) y1 + 15);
    }
    return y0;
  }

  private void legend(Graphics2D g, double top) {
    FontMetrics m = Style.metrics(Style.LABEL);
    g.setFont(Style.LABEL);
    double baseline = top + 12;
    for (List<Key> row : rows) {
      double at = left;
      for (Key k : row) {
        if (k.color() == null) {
          at += 34; // a continuation, under its first line's text
        } else if (k.stroke() == null) {
          g.setColor(k.color());
          g.fill(new Rectangle2D.Double(at, baseline - 10, 12, 12));
          at += 18;
        } else {
          g.setColor(k.color());
          g.setStroke(k.stroke());
          g.draw(new Line2D.Double(at, baseline - 4, at + 28, baseline - 4));
          if (k.marker() != null) {
            g.setStroke(THIN);
            k.marker().paint(g, at + 14, baseline - 4, 8);
          }
          at += 34;
        }
        g.setColor(Color.BLACK);
        g.drawString(k.label(), (float) at, (float) baseline);
        at += m.stringWidth(k.label()) + 18;
      }
      baseline += ROW;
    }
  }
}
