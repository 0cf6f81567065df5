package dev.tokbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Paints what is drawn into an image through Java2D, antialiased, at twice the chart's size so a
 * PNG stays sharp on a high-density screen. Needs no display: callers set {@code
 * java.awt.headless}.
 */
final class ImageCanvas implements Canvas {
  static final int SCALE = 2;

  private final BufferedImage image;
  private final Graphics2D g;

  ImageCanvas(double width, double height) {
    image =
        new BufferedImage(
            (int) Math.ceil(width * SCALE),
            (int) Math.ceil(height * SCALE),
            BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(SCALE, SCALE);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
  }

  @Override
  public void rect(double x, double y, double w, double h, Ink ink) {
    paint(new Rectangle2D.Double(x, y, w, h), ink);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Ink ink) {
    paint(new Line2D.Double(x1, y1, x2, y2), ink);
  }

  @Override
  public void polyline(List<double[]> points, Ink ink) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(points.get(0)[0], points.get(0)[1]);
    for (double[] q : points.subList(1, points.size())) p.lineTo(q[0], q[1]);
    paint(p, ink);
  }

  @Override
  public void marker(Marker shape, double x, double y, double size, Ink ink) {
    double r = size / 2;
    if (shape == Marker.CIRCLE) {
      paint(new Ellipse2D.Double(x - r, y - r, size, size), ink);
      return;
    }
    Path2D.Double p = new Path2D.Double();
    List<double[]> corners = Shapes.polygon(shape, x, y, r);
    p.moveTo(corners.get(0)[0], corners.get(0)[1]);
    for (double[] q : corners.subList(1, corners.size())) p.lineTo(q[0], q[1]);
    p.closePath();
    paint(p, ink);
  }

  private void paint(java.awt.Shape s, Ink ink) {
    if (ink.fill() != null) {
      g.setPaint(ink.hatched() ? hatch(ink.fill()) : ink.fill());
      g.fill(s);
    }
    if (ink.stroke() != null) {
      g.setPaint(ink.stroke());
      g.setStroke(stroke(ink));
      g.draw(s);
    }
  }

  private static BasicStroke stroke(Ink ink) {
    if (ink.dash().isEmpty()) return new BasicStroke((float) ink.strokeWidth());
    float[] dash = new float[ink.dash().size()];
    for (int i = 0; i < dash.length; i++) dash[i] = ink.dash().get(i).floatValue();
    return new BasicStroke(
        (float) ink.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dash, 0);
  }

  /** Stripes as the SVG pattern draws them: half colour, half tint, at 45°, ~6 px apart. */
  private static Paint hatch(Color c) {
    int size = 8 * SCALE;
    BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D t = tile.createGraphics();
    t.setColor(Ink.tint(c));
    t.fillRect(0, 0, size, size);
    t.setColor(c);
    t.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    t.setStroke(new BasicStroke(3f * SCALE));
    // the lines x + y = 0, size, 2 size meet at the corners, so the tiles join without seams
    for (int k = 0; k <= 2 * size; k += size) t.drawLine(k, 0, k - size, size);
    t.dispose();
    return new TexturePaint(tile, new Rectangle(0, 0, size / SCALE, size / SCALE));
  }

  @Override
  public void text(double x, double y, String text, Font font) {
    java.awt.Font f =
        new java.awt.Font("DejaVu Sans", font.bold() ? java.awt.Font.BOLD : java.awt.Font.PLAIN, 1)
            .deriveFont((float) font.size());
    g.setFont(f);
    g.setPaint(font.colour());
    double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
    double dx =
        switch (font.anchor()) {
          case START -> 0;
          case MIDDLE -> -w / 2;
          case END -> -w;
        };
    AffineTransform saved = g.getTransform();
    if (font.rotation() != 0) g.rotate(Math.toRadians(font.rotation()), x, y);
    g.drawString(text, (float) (x + dx), (float) y);
    g.setTransform(saved);
  }

  /** The image as PNG bytes. */
  byte[] png() {
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a chart as PNG", e);
    }
    return out.toByteArray();
  }
}
