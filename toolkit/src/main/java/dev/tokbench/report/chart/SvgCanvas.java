package dev.tokbench.report.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what is drawn as an SVG document: plain shapes and real text (searchable, selectable),
 * hatch patterns in {@code <defs>} under ids that start with the chart's id, so several charts can
 * stand inline in one HTML page.
 */
final class SvgCanvas implements Canvas {
  static final String FONTS = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

  private final String id;
  private final StringBuilder body = new StringBuilder();
  private final Map<String, String> patterns = new LinkedHashMap<>();

  /** A canvas for the chart {@code id} (letters, digits and dashes). */
  SvgCanvas(String id) {
    this.id = id;
  }

  @Override
  public void rect(double x, double y, double w, double h, Ink ink) {
    body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y));
    body.append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append('"');
    paint(ink).append("/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Ink ink) {
    body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1));
    body.append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append('"');
    paint(ink).append("/>\n");
  }

  @Override
  public void polyline(List<double[]> points, Ink ink) {
    body.append("<polyline points=\"");
    for (double[] p : points) body.append(n(p[0])).append(',').append(n(p[1])).append(' ');
    body.setLength(body.length() - 1);
    body.append('"');
    paint(ink).append("/>\n");
  }

  @Override
  public void marker(Marker shape, double x, double y, double size, Ink ink) {
    double r = size / 2;
    switch (shape) {
      case CIRCLE -> {
        body.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y));
        body.append("\" r=\"").append(n(r)).append('"');
      }
      case SQUARE -> {
        rect(x - r, y - r, size, size, ink);
        return;
      }
      default -> {
        body.append("<polygon points=\"");
        for (double[] p : Shapes.polygon(shape, x, y, r)) {
          body.append(n(p[0])).append(',').append(n(p[1])).append(' ');
        }
        body.setLength(body.length() - 1);
        body.append('"');
      }
    }
    paint(ink).append("/>\n");
  }

  @Override
  public void text(double x, double y, String text, Font font) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
    body.append(" font-size=\"").append(n(font.size())).append('"');
    if (font.bold()) body.append(" font-weight=\"bold\"");
    if (font.anchor() != Anchor.START) {
      body.append(" text-anchor=\"").append(font.anchor() == Anchor.END ? "end" : "middle");
      body.append('"');
    }
    if (!font.colour().equals(Palette.TEXT)) {
      body.append(" fill=\"").append(hex(font.colour())).append('"');
    }
    if (font.rotation() != 0) {
      body.append(" transform=\"rotate(").append(n(font.rotation())).append(' ');
      body.append(n(x)).append(' ').append(n(y)).append(")\"");
    }
    body.append('>').append(escape(text)).append("</text>\n");
  }

  @Override
  public void beginGroup(String tooltip) {
    body.append("<g><title>").append(escape(tooltip)).append("</title>\n");
  }

  @Override
  public void endGroup() {
    body.append("</g>\n");
  }

  private StringBuilder paint(Ink ink) {
    if (ink.fill() == null) body.append(" fill=\"none\"");
    else if (ink.hatched()) body.append(" fill=\"url(#").append(pattern(ink.fill())).append(")\"");
    else body.append(" fill=\"").append(hex(ink.fill())).append('"');
    if (ink.stroke() != null) {
      body.append(" stroke=\"").append(hex(ink.stroke())).append('"');
      body.append(" stroke-width=\"").append(n(ink.strokeWidth())).append('"');
      if (!ink.dash().isEmpty()) {
        body.append(" stroke-dasharray=\"");
        for (double d : ink.dash()) body.append(n(d)).append(' ');
        body.setLength(body.length() - 1);
        body.append('"');
      }
    }
    return body;
  }

  /** Diagonal stripes of {@code c} on its tint, 45°, 6 px apart. */
  private String pattern(Color c) {
    String pid = id + "-hatch-" + hex(c).substring(1);
    patterns.computeIfAbsent(
        pid,
        k ->
            "<pattern id=\""
                + k
                + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\""
                + hex(Ink.tint(c))
                + "\"/><rect width=\"3\" height=\"6\" fill=\""
                + hex(c)
                + "\"/></pattern>");
    return pid;
  }

  /** The whole document, {@code width} × {@code height} pixels, titled for screen readers. */
  String document(double width, double height, String title) {
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append('"');
    out.append(" class=\"chart\" role=\"img\" aria-label=\"").append(escape(title)).append('"');
    out.append(" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append('"');
    out.append(" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append('"');
    out.append(" font-family=\"").append(FONTS).append("\" fill=\"").append(hex(Palette.TEXT));
    out.append("\">\n<title>").append(escape(title)).append("</title>\n");
    if (!patterns.isEmpty()) {
      out.append("<defs>");
      patterns.values().forEach(out::append);
      out.append("</defs>\n");
    }
    return out.append(body).append("</svg>\n").toString();
  }

  static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** A coordinate to at most two decimals, without trailing zeros. */
  static String n(double v) {
    if (v == Math.rint(v)) return Long.toString((long) v);
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
