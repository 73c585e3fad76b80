package org.bucn.tracker.dashboard;

import java.util.List;

/**
 * A tile map of the eleven states: one square each, placed roughly where the country lies, so
 * outcomes can be read by geography without a detailed map.
 */
final class BalkanTiles {

  private BalkanTiles() {}

  /** A tile: ISO code, short name, column and row. */
  record Tile(String code, String name, int col, int row) {
    public int x() {
      return 10 + col * 92;
    }

    public int y() {
      return 10 + row * 72;
    }
  }

  static final List<Tile> TILES =
      List.of(
          new Tile("SI", "Slovenia", 0, 0),
          new Tile("HR", "Croatia", 1, 0),
          new Tile("RO", "Romania", 4, 0),
          new Tile("BA", "Bosnia & H.", 1, 1),
          new Tile("RS", "Serbia", 3, 1),
          new Tile("ME", "Montenegro", 2, 2),
          new Tile("XK", "Kosovo", 3, 2),
          new Tile("BG", "Bulgaria", 4, 2),
          new Tile("AL", "Albania", 2, 3),
          new Tile("MK", "N. Macedonia", 3, 3),
          new Tile("GR", "Greece", 3, 4));
}
