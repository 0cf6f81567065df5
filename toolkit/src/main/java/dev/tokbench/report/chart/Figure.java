package dev.tokbench.report.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A chart laid out once and written as SVG ({@link #svg}) or PNG ({@link #png}); in a notebook it
 * shows itself as inline SVG ({@link #html}).
 */
public abstract sealed class Figure permits BarChart, XyChart {
  private final String id;
  private final String title;

  Figure(String id, String title) {
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("a chart id is lower-case letters, digits and -: " + id);
    }
    this.id = id;
    this.title = title;
  }

  /** The chart's id: its file name and its element id in a page. */
  public String id() {
    return id;
  }

  /** The title drawn at its top. */
  public String title() {
    return title;
  }

  /** Width in pixels. */
  public abstract double width();

  /** Height in pixels. */
  public abstract double height();

  abstract void draw(Canvas c);

  /** The chart as an SVG document (no XML prolog, so it can stand inline in HTML too). */
  public String svg() {
    SvgCanvas c = new SvgCanvas(id);
    draw(c);
    return c.document(width(), height(), title);
  }

  /** The chart as a PNG image at twice its size. */
  public byte[] png() {
    // Java2D without a display needs headless mode set before AWT loads
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    ImageCanvas c = new ImageCanvas(width(), height());
    draw(c);
    return c.png();
  }

  /** Inline SVG, which notebooks display. */
  public String html() {
    return svg();
  }

  /** Writes {@code dir/ID.svg} and {@code dir/ID.png}. */
  public void writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(id + ".svg"), svg(), StandardCharsets.UTF_8);
      Files.write(dir.resolve(id + ".png"), png());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + id + " to " + dir, e);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + " '"
        + title
        + "' ("
        + (int) width()
        + "x"
        + (int) height()
        + ")";
  }
}
