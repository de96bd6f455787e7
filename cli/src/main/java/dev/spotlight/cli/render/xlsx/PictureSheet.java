package dev.spotlight.cli.render.xlsx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet of picture charts (PNG files drawn elsewhere, e.g. compare's funnel plot), one under
 * another, each under its file name. Pictures drawn at 2× resolution are shown at half size.
 */
final class PictureSheet {

  /** Rows each picture takes, with its caption and a gap: 450 points of chart at the default row height. */
  static final int ROWS_PER_PICTURE = 32;

  private final List<Path> pngs;

  PictureSheet(List<Path> pngs) {
    this.pngs = List.copyOf(pngs);
  }

  void write(SheetWriter out) {
    out.line("Charts", out.styles().title());
    out.gap();
    Workbook workbook = out.sheet().getWorkbook();
    Drawing<?> drawing = out.sheet().createDrawingPatriarch();
    for (Path png : pngs) {
      out.line(png.getFileName().toString(), out.styles().heading());
      int top = out.nextRow();
      int index;
      try {
        index = workbook.addPicture(Files.readAllBytes(png), Workbook.PICTURE_TYPE_PNG);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the chart " + png + ": " + e.getMessage(), e);
      }
      ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
      anchor.setCol1(0);
      anchor.setRow1(top);
      Picture picture = drawing.createPicture(anchor, index);
      picture.resize(0.5);
      out.skipTo(top + ROWS_PER_PICTURE);
    }
    out.finish();
  }
}
