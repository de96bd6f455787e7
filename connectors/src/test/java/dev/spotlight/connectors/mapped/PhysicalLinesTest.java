package dev.spotlight.connectors.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhysicalLinesTest {

  @TempDir Path dir;

  @Test
  void spansCountFieldsAndTheLastFilledOneAcrossQuotedLineBreaks() throws Exception {
    Path f = Files.writeString(dir.resolve("a.csv"), "a,b\n1,2,\n\n3,\"x\ny\",\"\"\n4,\"\"\"\"\n5\n,,\n");
    List<PhysicalLines.Span> spans = new ArrayList<>();
    PhysicalLines.walk(f, ',', spans::add);
    assertThat(spans).containsExactly(
        new PhysicalLines.Span(1, 1, 2, 2, false),
        new PhysicalLines.Span(2, 2, 3, 2, false),   // a trailing delimiter: the third field is empty
        new PhysicalLines.Span(3, 4, 3, 2, false),   // starts on line 4 after a blank line; "" is empty
        new PhysicalLines.Span(4, 6, 2, 2, false),   // """" is one escaped quote: filled
        new PhysicalLines.Span(5, 7, 1, 1, false),
        new PhysicalLines.Span(6, 8, 3, 0, false));
  }

  @Test
  void aRecordFitsItsWidthWhenEveryExtraFieldIsEmpty() throws Exception {
    Path f = Files.writeString(dir.resolve("b.csv"), "a,b\n1,2\n1,2,\n1,2,,\n1,2,x\n1,2, \n1\n1,2,\"\"\n");
    assertThat(PhysicalLines.withFieldsOtherThan(f, ',', 1, 2)).extracting(PhysicalLines.Span::line).containsExactly(5L, 6L, 7L);
  }
}
