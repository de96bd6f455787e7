package dev.spotlight.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.SpotlightException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowsTest {

  @TempDir Path dir;

  private Path workbook() throws Exception {
    Path xlsx = dir.resolve("w.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
      wb.createSheet("first").createRow(0).createCell(0).setCellValue("skip me");
      XSSFSheet s = wb.createSheet("data");
      Row r = s.createRow(1);
      XSSFRichTextString rich = new XSSFRichTextString("two runs");
      XSSFFont bold = wb.createFont();
      bold.setBold(true);
      rich.applyFont(0, 3, bold);
      r.createCell(0).setCellValue(rich);
      r.createCell(2).setCellValue(1000.1);
      XSSFCellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      r.createCell(3).setCellValue(LocalDate.of(2026, 4, 2));
      r.getCell(3).setCellStyle(date);
      r.createCell(4).setCellValue(152505);
      s.createRow(2).createCell(0).setCellValue("   ");
      s.createRow(3).createCell(1).setCellValue("last");
      wb.write(os);
    }
    return xlsx;
  }

  @Test
  void rowsComeAsPlainTextWithIsoDatesAndFullNumbersPlacedByColumn() throws Exception {
    List<String> seen = new ArrayList<>();
    XlsxRows.read(workbook(), name -> name.equals("data") ? (row, cells) -> seen.add(row + ":" + cells) : null);
    // the blank row 3 is passed over; row numbers are Excel's
    assertThat(seen).containsExactly("2:[two runs, , 1000.1, 2026-04-02, 152505]", "4:[, last]");
  }

  @Test
  void aReaderMayStopASheetEarly() throws Exception {
    List<String> seen = new ArrayList<>();
    XlsxRows.read(workbook(), name -> (row, cells) -> {
      seen.add(name + row);
      return false;
    });
    assertThat(seen).containsExactly("first1", "data2");
  }

  @Test
  void anythingButAWorkbookIsBadInputNamingTheFile() throws Exception {
    Path notXlsx = Files.writeString(dir.resolve("fake.xlsx"), "Identifier,Amount Awarded\n");
    assertThatThrownBy(() -> XlsxRows.read(notXlsx, name -> null)).isInstanceOf(SpotlightException.class)
        .hasMessageContaining("fake.xlsx").hasMessageContaining("cannot read the workbook");
  }
}
