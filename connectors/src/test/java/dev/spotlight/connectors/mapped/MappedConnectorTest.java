package dev.spotlight.connectors.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.ConnectorFixture;
import dev.spotlight.connectors.SourcePull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedConnectorTest {

  @TempDir Path dir;

  private static final String LOANS_OPTIONS = """
      files: exports/loans-*.csv
      platform_kind: sharing
      mapping:
        event_id: loan_id
        occurred_at: { column: returned_at, format: "dd/MM/yyyy HH:mm" }
        participant: borrower_email
        counterpart: lender_email
        area_code: lsoa
        amount: item_value_gbp
        quantity: { value: 1 }
        event_type:
          column: status
          values: { returned: share.completed, requested: share.requested }
          otherwise: skip
        attributes: [category]
      """;

  @Test
  void mapsCsvRowsToActivityWithLocalTimesPseudonymsAndOutcomes() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-2026-10.csv", "\uFEFFloan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\r\n"
        + "L1,31/10/2026 23:30,ann@example.org,bob@example.org,E01000001,12.50,returned,\"tools, garden\"\r\n"
        + "L2,01/10/2026 00:15,ann@example.org,,E01000002,,requested,kitchen\r\n"
        + "L3,02/10/2026 10:00,cat@example.org,bob@example.org,,8,cancelled,tools\r\n");
    f.file("exports/loans-2026-09.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\n"
        + "L0,30/09/2026 23:59,dan@example.org,bob@example.org,E01000001,3,returned,tools\n");

    SourcePull.Outcome out = f.pull("loans", "kirklees-sharing", LOANS_OPTIONS);

    assertThat(out.result().recordsRead()).isEqualTo(4);
    assertThat(out.result().filtered()).isEqualTo(1);
    assertThat(out.result().rowsKept()).isEqualTo(3);
    assertThat(out.written().activityRows()).isEqualTo(3);
    assertThat(out.result().inputs()).hasSize(2);
    assertThat(f.query("SELECT event_id, source, month, occurred_on, strftime(occurred_at, '%Y-%m-%d %H:%M'), event_type, outcome, grantee, platform_kind, amount, quantity, attributes['category'], origin, origin_row FROM activity ORDER BY event_id"))
        .containsExactly(
            "L0|loans|2026-09|2026-09-30|2026-09-30 22:59|share.completed|item_reuse|kirklees-sharing|sharing|3.00|1.0|tools|exports/loans-2026-09.csv|1",
            "L1|loans|2026-10|2026-10-31|2026-10-31 23:30|share.completed|item_reuse|kirklees-sharing|sharing|12.50|1.0|tools, garden|exports/loans-2026-10.csv|1",
            "L2|loans|2026-10|2026-10-01|2026-09-30 23:15|share.requested|null|kirklees-sharing|sharing|null|1.0|kitchen|exports/loans-2026-10.csv|2");
    assertThat(f.query("SELECT participant, counterpart FROM activity WHERE event_id = 'L1'"))
        .containsExactly(ConnectorFixture.hmac("ann@example.org") + "|" + ConnectorFixture.hmac("bob@example.org"));
    assertThat(f.query("SELECT count(*) FROM activity WHERE event_id = 'L2' AND counterpart IS NULL")).containsExactly("1");
  }

  @Test
  void rawIdentifiersNeverReachTheStore() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-1.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\n"
        + "L1,31/10/2026 23:30,secret.person@example.org,other.person@example.org,E01000001,1,returned,x\n");
    f.pull("loans", "g", LOANS_OPTIONS);
    try (var files = Files.walk(f.store.root())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(p.toString()).doesNotContain("secret.person").doesNotContain("other.person");
      }
    }
  }

  @Test
  void rePullReplacesTheSourceInsteadOfAppending() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    Path file = f.file("exports/loans-1.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\n"
        + "L1,31/10/2026 23:30,a,b,E1,1,returned,x\nL2,01/09/2026 10:00,a,b,E1,1,returned,x\n");
    f.pull("loans", "g", LOANS_OPTIONS);
    f.pull("loans", "g", LOANS_OPTIONS);
    assertThat(f.query("SELECT count(*) FROM activity")).containsExactly("2");
    Files.writeString(file, "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\nL1,31/10/2026 23:30,a,b,E1,1,returned,x\n");
    f.pull("loans", "g", LOANS_OPTIONS);
    assertThat(f.query("SELECT event_id, month FROM activity")).containsExactly("L1|2026-10");
  }

  @Test
  void badDateStopsWithFileLineAndColumn() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-1.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\n"
        + "L1,31/10/2026 23:30,a,b,E1,1,returned,x\nL2,2026-13-01,a,b,E1,1,returned,x\n");
    assertThatThrownBy(() -> f.pull("loans", "g", LOANS_OPTIONS))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render())
              .startsWith(dir.resolve("exports/loans-1.csv") + ":3:2: cannot read '2026-13-01' as occurred_at with format 'dd/MM/yyyy HH:mm' in column 'returned_at'");
        });
    assertThat(f.store.parquetFiles(dev.spotlight.common.store.CanonicalTable.ACTIVITY)).isEmpty();
  }

  @Test
  void skipCountsBadRowsAndDuplicates() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-1.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\n"
        + "L1,31/10/2026 23:30,a,b,E1,1,returned,x\nL2,bad,a,b,E1,1,returned,x\n,31/10/2026 10:00,a,b,E1,1,returned,x\n"
        + "L1,30/10/2026 23:30,a,b,E1,1,returned,x\nL4,30/10/2026 23:30,a,b,E1,abc,returned,x\n");
    SourcePull.Outcome out = f.pull("loans", "g", LOANS_OPTIONS + "on_bad_row: skip\n");
    assertThat(out.result().rowsKept()).isEqualTo(1);
    assertThat(out.result().skipped()).containsEntry("unreadable occurred_at", 1L).containsEntry("missing event_id", 1L)
        .containsEntry("duplicate event_id", 1L).containsEntry("unreadable amount", 1L);
    assertThat(f.query("SELECT event_id, occurred_on FROM activity")).containsExactly("L1|2026-10-31");
  }

  @Test
  void duplicateEventIdIsAnErrorByDefault() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-1.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\n"
        + "L1,31/10/2026 23:30,a,b,E1,1,returned,x\nL1,30/10/2026 23:30,a,b,E1,1,returned,x\n");
    assertThatThrownBy(() -> f.pull("loans", "g", LOANS_OPTIONS))
        .hasMessageContaining("loans-1.csv:3:1: duplicate event_id 'L1' (first seen at ")
        .hasMessageContaining("loans-1.csv:2:1)");
  }

  @Test
  void unknownColumnInMappingNamesTheDataFileWithAHint() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-1.csv", "loan_id,returned_on,borrower_email,lender_email,lsoa,item_value_gbp,status,category\nL1,x,a,b,E1,1,returned,x\n");
    assertThatThrownBy(() -> f.pull("loans", "g", LOANS_OPTIONS))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).contains("loans-1.csv: the mapping names column 'returned_at' but the file has no such column (did you mean 'returned_on'?)");
        });
  }

  @Test
  void unmappedValueWithOtherwiseErrorIsBadInput() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/loans-1.csv", "loan_id,returned_at,borrower_email,lender_email,lsoa,item_value_gbp,status,category\nL1,31/10/2026 23:30,a,b,E1,1,lost,x\n");
    assertThatThrownBy(() -> f.pull("loans", "g", LOANS_OPTIONS.replace("otherwise: skip", "otherwise: error")))
        .hasMessageContaining("loans-1.csv:2:7: value 'lost' in column 'status' is not listed in values: for event_type");
  }

  @Test
  void readsJsonArrayAndNdjsonWithOffsetsAndIntegerIds() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("exports/pledges.json", """
        [ {"pledge_id": 17, "pledged_at": "2026-09-30T23:30:00Z", "backer": "p1", "amount_gbp": 25.5, "kind": "crowd"},
          {"pledge_id": 18, "pledged_at": "2026-10-31T23:30:00+00:00", "backer": "p2", "amount_gbp": 100, "kind": "council_match"} ]
        """);
    f.file("exports/more.ndjson", "{\"pledge_id\": \"19\", \"pledged_at\": \"2026-10-05 09:00\", \"backer\": \"p1\", \"amount_gbp\": \"5\", \"kind\": \"crowd\"}\n");
    f.pull("pledges", "spacehive-x", """
        files: [exports/pledges.json, exports/more.ndjson]
        platform_kind: crowdfunding
        mapping:
          event_id: pledge_id
          occurred_at: pledged_at
          participant: backer
          amount: amount_gbp
          event_type: { column: kind, values: { crowd: pledge.made, council_match: match.pledged } }
        """);
    assertThat(f.query("SELECT event_id, occurred_on, event_type, amount, origin_row FROM activity ORDER BY event_id")).containsExactly(
        "17|2026-10-01|pledge.made|25.50|1", "18|2026-10-31|match.pledged|100.00|2", "19|2026-10-05|pledge.made|5.00|1");
  }

  @Test
  void aJsonArrayCutShortAfterACommaIsBadInputNotAPartialLoad() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("cut.json", "[{\"id\": 1, \"at\": \"2026-10-01\"},\n{\"id\": 2, \"at\": \"2026-10-02\"},\n");
    String options = "files: cut.json\non_bad_row: skip\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n";
    assertThatThrownBy(() -> f.pull("cut", "g", options))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).isEqualTo(dir.resolve("cut.json")
              + ": the JSON array does not end with ']': the file is cut short (save or download the whole file again; nothing from it was loaded)");
        });
    assertThat(f.storeIsEmpty()).isTrue();
    f.file("whole.json", "[{\"id\": 1, \"at\": \"2026-10-01\"},\n{\"id\": 2, \"at\": \"2026-10-02\"}]\n\n");
    assertThat(f.pull("whole", "g", options.replace("cut.json", "whole.json")).result().rowsKept()).isEqualTo(2);
  }

  @Test
  void readsLatin1SemicolonCsvAndCosts() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    Path p = dir.resolve("costs.csv");
    Files.write(p, "id;who;from;to;eur;cat;funder\nC1;café;2026-01-01;2026-12-31;1200.00;grant;Fund\n".getBytes(StandardCharsets.ISO_8859_1));
    SourcePull.Outcome out = f.pull("costs", null, """
        files: costs.csv
        delimiter: ";"
        encoding: latin-1
        table: costs
        mapping:
          cost_id: id
          grantee: who
          period_start: from
          period_end: to
          amount: eur
          currency: { value: EUR }
          category: cat
          funder: funder
        """);
    assertThat(out.written().costRows()).isEqualTo(1);
    assertThat(f.query("SELECT cost_id, grantee, period_start, period_end, amount, currency, category FROM costs"))
        .containsExactly("C1|café|2026-01-01|2026-12-31|1200.00|EUR|grant");
  }

  @Test
  void invalidBytesForTheEncodingAreBadInput() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    Files.write(dir.resolve("x.csv"), new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> f.pull("x", "g", "files: x.csv\nmapping: { event_id: a, event_type: a, occurred_at: a }\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.kind()).isEqualTo(ExitKind.DATA));
  }

  @Test
  void anXlsxSourceReadsTheFirstSheetUnlessNamedAndAMissingSheetListsTheSheets() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    Path xlsx = dir.resolve("book.xlsx");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      for (String name : new String[] {"Notes", "Loans"}) {
        var sheet = wb.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue("id");
        sheet.getRow(0).createCell(1).setCellValue("at");
        sheet.createRow(1).createCell(0).setCellValue(name + "1");
        sheet.getRow(1).createCell(1).setCellValue("2026-10-01");
      }
      try (var out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    }
    String options = "files: book.xlsx\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n";
    f.pull("first", "g", options);
    assertThat(f.query("SELECT event_id, origin_row FROM activity")).containsExactly("Notes1|2");
    assertThatThrownBy(() -> f.pull("missing", "g", options + "sheet: Loans2\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).isEqualTo(xlsx + ": no sheet named 'Loans2' (sheets are: Notes, Loans)");
        });
  }

  @Test
  void encodingTakesCommonSpellingsAndAnUnknownOneIsADefinitionError() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    Files.write(dir.resolve("w.csv"), "id,at,who\nE1,2026-10-01,\u2018Zo\u00eb\u2019\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
    String options = "files: w.csv\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y }, attributes: [who] }\n";
    f.pull("w", "g", options + "encoding: cp1252\n");
    assertThat(f.query("SELECT attributes['who'] FROM activity")).containsExactly("\u2018Zo\u00eb\u2019");
    assertThatThrownBy(() -> f.pull("w", "g", options + "encoding: klingon\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
          assertThat(e.problems().get(0).render()).contains("unknown encoding 'klingon'");
        });
  }

  @Test
  void readsAnXlsxSheetWithDateCellsAndReportsExcelRowNumbers() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    Path xlsx = dir.resolve("bookings.xlsx");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("not this one");
      var sheet = wb.createSheet("Bookings");
      var dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
      String[] header = {"booking", "when", "member", "hours"};
      var h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      Object[][] rows = {{"B1", java.time.LocalDateTime.of(2026, 10, 31, 23, 30), "m1", 2.5}, {"B2", java.time.LocalDateTime.of(2026, 10, 1, 0, 15), "m2", 1}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r + 2);
        row.createCell(0).setCellValue((String) rows[r][0]);
        var c = row.createCell(1);
        c.setCellValue((java.time.LocalDateTime) rows[r][1]);
        c.setCellStyle(dateStyle);
        row.createCell(2).setCellValue((String) rows[r][2]);
        row.createCell(3).setCellValue(((Number) rows[r][3]).doubleValue());
      }
      sheet.createRow(5).createCell(0).setCellValue("B3");
      sheet.getRow(5).createCell(1).setCellValue("next tuesday");
      try (var out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    }
    String options = """
        files: bookings.xlsx
        sheet: Bookings
        platform_kind: sharing
        mapping:
          event_id: booking
          occurred_at: when
          participant: member
          quantity: hours
          event_type: { value: booking.completed }
        """;
    assertThatThrownBy(() -> f.pull("bookings", "council", options))
        .hasMessageContaining("bookings.xlsx:6:2: cannot read 'next tuesday' as occurred_at in column 'when'");
    SourcePull.Outcome out = f.pull("bookings", "council", options + "on_bad_row: skip\n");
    assertThat(out.result().skipped()).containsEntry("unreadable occurred_at", 1L);
    assertThat(f.query("SELECT event_id, occurred_on, quantity, outcome, origin_row FROM activity ORDER BY event_id"))
        .containsExactly("B1|2026-10-31|2.5|asset_use|3", "B2|2026-10-01|1.0|asset_use|4");
  }

  @Test
  void headerlessCsvColumnsAreNumberedFromOne() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("plain.csv", "E1,2026-10-05,share.completed\nE2,2026-10-06,share.completed\n");
    f.pull("plain", "g", "files: plain.csv\nheader: false\nmapping: { event_id: column1, occurred_at: column2, event_type: column3 }\n");
    assertThat(f.query("SELECT event_id, occurred_on, origin_row FROM activity ORDER BY 1")).containsExactly("E1|2026-10-05|1", "E2|2026-10-06|2");
  }

  @Test
  void offsetPatternsAcceptZForUtcAndOptionalSectionsAreRejected() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("z.csv", "id,at\nZ1,2026-10-31T23:30:00Z\nZ2,2026-10-31T23:30:00+01:00\n");
    f.pull("z", "g", "files: z.csv\nmapping: { event_id: id, event_type: { value: x.y }, occurred_at: { column: at, format: \"yyyy-MM-dd'T'HH:mm:ssXXX\" } }\n");
    assertThat(f.query("SELECT event_id, strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') FROM activity ORDER BY 1"))
        .containsExactly("Z1|2026-10-31 23:30", "Z2|2026-10-31 22:30");
    dev.spotlight.common.error.Problems problems = new dev.spotlight.common.error.Problems(ExitKind.DEFINITION);
    MappedOptions.parse((dev.spotlight.common.yaml.YamlMap) dev.spotlight.common.yaml.YamlReader.parse("p.yaml",
        "files: z.csv\nmapping: { event_id: id, event_type: t, occurred_at: { column: at, format: \"yyyy-MM-dd[ HH:mm]\" } }\n"), problems);
    assertThat(problems.list()).hasSize(1);
    assertThat(problems.list().get(0).message()).contains("optional sections");
  }

  @Test
  void aConstantThatIsNotAValidValueIsADefinitionError() {
    dev.spotlight.common.error.Problems problems = new dev.spotlight.common.error.Problems(ExitKind.DEFINITION);
    MappedOptions.parse((dev.spotlight.common.yaml.YamlMap) dev.spotlight.common.yaml.YamlReader.parse("p.yaml",
        "files: z.csv\nmapping: { event_id: id, event_type: t, occurred_at: at, amount: { value: abc } }\n"), problems);
    assertThat(problems.list()).extracting(dev.spotlight.common.error.Problem::render)
        .containsExactly("p.yaml:2:75: 'abc' is not a valid value for amount (write a number)");
  }

  @Test
  void errorLinesArePhysicalLinesEvenAfterQuotedLineBreaksAndBlankLines() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("notes.csv", "id,at,note\nN1,2026-10-01,\"two\nlines\"\n\nN2,2026-10-02,\"say \"\"hi\"\"\"\nN3,not a date,x\n");
    assertThatThrownBy(() -> f.pull("notes", "g", "files: notes.csv\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n"))
        .hasMessageContaining("notes.csv:6:2: cannot read 'not a date' as occurred_at in column 'at'");
  }

  @Test
  void aRowWithTooManyFieldsIsReportedAtItsLine() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("r.csv", "id,at,kind\nR1,2026-10-01,\"a, b\"\nR2,2026-10-02,x,EXTRA\n");
    assertThatThrownBy(() -> f.pull("r", "g", "files: r.csv\nmapping: { event_id: id, occurred_at: at, event_type: kind }\n"))
        .hasMessage(dir.resolve("r.csv") + ":3: expected 3 fields, found 4 (check the delimiter and quoting of this line, "
            + "or set on_bad_row: skip to skip and count such rows)");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  private static final String RAGGED = "id,at,kind\n"
      + "R1,2026-10-01,\"a, \"\"b\"\"\"\n"     // line 2, record 1
      + "R2,2026-10-02,x,EXTRA\n"               // line 3, record 2: too many
      + "R3,2026-10-03,\"two\nlines\"\n"         // lines 4-5, record 3
      + "\n"                                    // line 6, blank
      + "R4,2026-10-04\n"                       // line 7, record 4: too few
      + "R5,2026-10-05,y\"z\n"                   // line 8, record 5: a quote inside an unquoted field
      + "R6,not a date,z\n";                    // line 9, record 6

  @Test
  void skipCountsRowsWithTheWrongNumberOfFieldsAndKeepsRecordNumbers() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("r.csv", RAGGED);
    SourcePull.Outcome out = f.pull("r", "g", "files: r.csv\non_bad_row: skip\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n");
    assertThat(out.result().recordsRead()).isEqualTo(6);
    assertThat(out.result().skipped()).containsOnly(
        java.util.Map.entry("wrong number of fields", 2L), java.util.Map.entry("unreadable occurred_at", 1L));
    assertThat(out.result().rowsKept()).isEqualTo(3);
    assertThat(out.result().inputs().get(0).records()).isEqualTo(6);
    assertThat(f.query("SELECT event_id, origin_row FROM activity ORDER BY event_id")).containsExactly("R1|1", "R3|3", "R5|5");
  }

  @Test
  void trailingEmptyFieldsAreReadLikeDuckDbReadsThemNextToRaggedRecords() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    // DuckDB reads E2 and E4 as two fields (the extra ones are empty); E3 and E5 have a third that is not
    f.file("t.csv", "id,at\nE1,2026-10-01\nE2,2026-10-02,\nE3,2026-10-03,x\nE4,2026-10-04,\"\",\nE5,2026-10-05, \nE6,2026-10-06\n");
    String options = "files: t.csv\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n";
    assertThatThrownBy(() -> f.pull("t", "g", options)).hasMessageStartingWith(dir.resolve("t.csv") + ":4: expected 2 fields, found 3");
    SourcePull.Outcome out = f.pull("t", "g", options + "on_bad_row: skip\n");
    assertThat(out.result().skipped()).containsOnly(java.util.Map.entry("wrong number of fields", 2L));
    assertThat(f.query("SELECT event_id, origin_row FROM activity ORDER BY event_id")).containsExactly("E1|1", "E2|2", "E4|4", "E6|6");
  }

  @Test
  void consecutiveRaggedRecordsInSeveralFilesLeaveEveryOtherRowItsRecordNumber() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("a/1.csv", "id,at\nA1,2026-10-01\nA2,2026-10-01,x\nA3,2026-10-01,x\nA4,2026-10-01\nA5\nA6,2026-10-01\n");
    f.file("a/2.csv", "id,at\nB1,2026-10-01,x\nB2,2026-10-01\n");
    SourcePull.Outcome out = f.pull("a", "g", "files: a/*.csv\non_bad_row: skip\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n");
    assertThat(out.result().skipped()).containsOnly(java.util.Map.entry("wrong number of fields", 4L));
    assertThat(out.result().inputs()).extracting(i -> i.records()).containsExactly(6L, 2L);
    assertThat(f.query("SELECT event_id, origin_row FROM activity ORDER BY event_id")).containsExactly("A1|1", "A4|4", "A6|6", "B2|2");
  }

  @Test
  void withoutSkipTheFirstBadRecordInFileOrderStopsThePullAtItsPhysicalLine() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    f.file("r.csv", RAGGED);
    String options = "files: r.csv\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n";
    assertThatThrownBy(() -> f.pull("r", "g", options)).hasMessageStartingWith(dir.resolve("r.csv") + ":3: expected 3 fields, found 4");
    f.file("s.csv", "id,at,kind\nS1,bad,x\nS2,2026-10-02,x,EXTRA\nS3,2026-10-03,\"a\nb\"\nS4,2026-10-04\n");
    assertThatThrownBy(() -> f.pull("s", "g", options.replace("r.csv", "s.csv")))
        .hasMessageStartingWith(dir.resolve("s.csv") + ":2:2: cannot read 'bad' as occurred_at");
    f.file("t.csv", "id,at,kind\nT1,2026-10-01,x\nT2,2026-10-02,\"a\nb\"\nT3,bad,x\nT4,2026-10-04\n");
    assertThatThrownBy(() -> f.pull("t", "g", options.replace("r.csv", "t.csv")))
        .hasMessageStartingWith(dir.resolve("t.csv") + ":5:2: cannot read 'bad' as occurred_at");
    assertThat(f.storeIsEmpty()).isTrue();
  }

  @Test
  void aRaggedRecordFarBelowTheSniffedSampleIsFoundToo() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    StringBuilder csv = new StringBuilder("id,at\n");
    for (int i = 1; i <= 30_000; i++) {
      csv.append('E').append(i).append(",2026-10-01").append(i == 25_000 ? ",x" : "").append('\n');
    }
    f.file("big.csv", csv.toString());
    String options = "files: big.csv\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n";
    assertThatThrownBy(() -> f.pull("big", "g", options)).hasMessageStartingWith(dir.resolve("big.csv") + ":25001: expected 2 fields, found 3");
    SourcePull.Outcome out = f.pull("big", "g", options + "on_bad_row: skip\n");
    assertThat(out.result().skipped()).containsOnly(java.util.Map.entry("wrong number of fields", 1L));
    assertThat(f.query("SELECT count(*), max(origin_row), min(origin_row) FILTER (WHERE event_id = 'E25001') FROM activity"))
        .containsExactly("29999|30000|25001");
  }

  @Test
  void anUnclosedQuoteStopsThePullEvenWithSkip() throws Exception {
    ConnectorFixture f = new ConnectorFixture(dir, new MappedConnector());
    StringBuilder csv = new StringBuilder("id,at\n");
    for (int i = 1; i <= 30_000; i++) {
      csv.append('E').append(i).append(i == 25_000 ? ",\"2026-10-01" : ",2026-10-01").append('\n');
    }
    f.file("cut.csv", csv.toString());
    assertThatThrownBy(() -> f.pull("cut", "g", "files: cut.csv\non_bad_row: skip\nmapping: { event_id: id, occurred_at: at, event_type: { value: x.y } }\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DATA);
          assertThat(e.problems().get(0).render()).startsWith(dir.resolve("cut.csv") + ":25001: a quoted field is not closed properly");
        });
    assertThat(f.storeIsEmpty()).isTrue();
  }
}
