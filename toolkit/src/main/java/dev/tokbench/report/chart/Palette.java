package dev.tokbench.report.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per framework, the same in every chart and page (and in {@code index.html}'s CSS):
 * colour-blind-safe hues for the frameworks the toolkit runs, the rest from a fixed list by name,
 * so a framework never changes colour between runs. Flash attention on is the same colour hatched.
 */
public final class Palette {
  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color MUTED = new Color(0x66, 0x66, 0x66);
  static final Color GRID = new Color(0xe6, 0xe6, 0xe6);
  static final Color AXIS = new Color(0x99, 0x99, 0x99);

  /** The bandwidth ceilings: dark for theoretical, a contrasting red for practical. */
  static final Color CEILING = new Color(0x44, 0x44, 0x44);

  static final Color PRACTICAL = new Color(0xb2, 0x18, 0x2b);

  private static final Map<String, Color> KNOWN =
      Map.of(
          "llama.cpp", new Color(0x21, 0x66, 0xac),
          "tinygrad", new Color(0xe0, 0x82, 0x14),
          "vllm", new Color(0x1b, 0x9e, 0x77),
          "mlc-llm", new Color(0x76, 0x2a, 0x83),
          "sglang", new Color(0xd6, 0x60, 0x4d),
          "llama.cpp (embedded)", new Color(0x35, 0x97, 0x8f));
  private static final List<Color> OTHERS =
      List.of(
          new Color(0x8c, 0x51, 0x0a),
          new Color(0xc5, 0x1b, 0x7d),
          new Color(0x4d, 0x92, 0x21),
          new Color(0x5e, 0x3c, 0x99),
          new Color(0x80, 0x80, 0x80));

  private Palette() {}

  /** The colour of {@code framework} ({@code llama.cpp}, {@code tinygrad}, {@code vllm} ...). */
  public static Color of(String framework) {
    String key = framework.toLowerCase(Locale.ROOT).replace("mlc llm", "mlc-llm");
    Color c = KNOWN.get(key);
    if (c != null) return c;
    return OTHERS.get(Math.floorMod(key.hashCode(), OTHERS.size()));
  }

  /** The colour as CSS writes it ({@code #2166ac}). */
  public static String css(String framework) {
    return SvgCanvas.hex(of(framework));
  }

  /** A darker (factor below 1) or lighter (above 1) shade, for a second series of one colour. */
  public static Color shade(Color c, double factor) {
    if (factor <= 1) {
      return new Color(
          (int) (c.getRed() * factor), (int) (c.getGreen() * factor), (int) (c.getBlue() * factor));
    }
    double t = Math.min(1, factor - 1);
    return new Color(
        (int) (c.getRed() + (255 - c.getRed()) * t),
        (int) (c.getGreen() + (255 - c.getGreen()) * t),
        (int) (c.getBlue() + (255 - c.getBlue()) * t));
  }
}
