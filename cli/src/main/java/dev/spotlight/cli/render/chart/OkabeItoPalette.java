package dev.spotlight.cli.render.chart;

import java.awt.Color;
import java.util.List;

/** The Okabe–Ito palette: eight colours that stay distinct with the common forms of colour blindness. */
final class OkabeItoPalette {

  static final Color BLUE = new Color(0x0072B2);
  static final Color ORANGE = new Color(0xE69F00);
  static final Color BLUISH_GREEN = new Color(0x009E73);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color REDDISH_PURPLE = new Color(0xCC79A7);
  static final Color SKY_BLUE = new Color(0x56B4E9);
  static final Color BLACK = Color.BLACK;
  static final Color YELLOW = new Color(0xF0E442);

  /** Series colours in the order charts use them: strongest contrast on white first, yellow last. */
  static final List<Color> SERIES = List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

  private OkabeItoPalette() {}

  /** The colour of the {@code index}-th series (from 0), round the palette again after eight. */
  static Color series(int index) {
    return SERIES.get(index % SERIES.size());
  }
}
