package dev.spotlight.connectors.yourpriorities;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes synthetic workbooks shaped like a Your Priorities group export (sheet and column names as
 * the platform's export code writes them): strings stay text, numbers become numeric cells and
 * {@link LocalDateTime} values date-formatted cells.
 */
final class ExportWorkbook {

  static final List<String> POST_HEADERS = List.of("Created", "Status", "Post Id", "User name", "Email", "Post name", "Description", "Locale",
      "Latitude", "Longitude", "URL", "Category", "Up Votes", "Down Votes", "Points Count", "Points For", "Points Against", "Images",
      "Media URLs", "Post transcript", "Hverfi");
  static final List<String> POINT_HEADERS = List.of("Group Id", "Post Id", "Post Name", "Status", "Created", "User name", "Email", "Value",
      "Helpful Count", "Unhelpful Count", "Language", "Content", "Media URLs", "Point transcripts");

  private final List<Object[]> sheets = new ArrayList<>();

  ExportWorkbook sheet(String name, List<String> headers, Object[]... rows) {
    sheets.add(new Object[] {name, headers, rows});
    return this;
  }

  /** The usual export: a posts sheet and a points sheet for group "Hverfið mitt". */
  static ExportWorkbook group(Object[][] posts, Object[][] points) {
    return new ExportWorkbook().sheet("Posts - Hverfið mitt", POST_HEADERS, posts).sheet("Points - Hverfið mitt", POINT_HEADERS, points);
  }

  @SuppressWarnings("unchecked")
  Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      for (Object[] s : sheets) {
        Sheet sheet = wb.createSheet((String) s[0]);
        List<String> headers = (List<String>) s[1];
        Row h = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
          h.createCell(i).setCellValue(headers.get(i));
        }
        Object[][] rows = (Object[][]) s[2];
        for (int r = 0; r < rows.length; r++) {
          Row row = sheet.createRow(r + 1);
          for (int i = 0; i < rows[r].length; i++) {
            Object v = rows[r][i];
            if (v instanceof String text) {
              row.createCell(i).setCellValue(text);
            } else if (v instanceof Number n) {
              row.createCell(i).setCellValue(n.doubleValue());
            } else if (v instanceof LocalDateTime t) {
              var cell = row.createCell(i);
              cell.setCellValue(t);
              cell.setCellStyle(date);
            }
          }
        }
      }
      wb.write(out);
    }
    return file;
  }
}
