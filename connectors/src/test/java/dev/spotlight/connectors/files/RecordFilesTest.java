package dev.spotlight.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.connectors.PullContext;
import dev.spotlight.connectors.PullResult;
import dev.spotlight.connectors.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFilesTest {

  @TempDir Path dir;

  private static final List<String> REASONS = List.of("missing id", "negative");

  private SourceSpec source() {
    return new SourceSpec("src", "test", "g", (YamlMap) YamlReader.parse("spotlight.yaml", "files: x\n"), Map.of(), dir, null);
  }

  /** Reads "id,value" lines into table raw, then judges: no id is reason 0, a negative value reason 1. */
  private PullResult run(Connection c, List<Long> progress, boolean skip) throws Exception {
    Path a = Files.writeString(dir.resolve("a.csv"), "id,value\n1,5\n,7\n");
    Files.createDirectories(dir.resolve("sub"));
    Path second = Files.writeString(dir.resolve("sub/b.csv"), "id,value\n2,-1\n3,4\n4,1\n");
    PullContext context = new PullContext(c, ZoneId.of("UTC"), "GBP", dir, (s, n) -> progress.add(n));
    return RecordFiles.pull("test", source(), context, records -> {
      records.execute("CREATE TEMP TABLE raw (__file INTEGER, __row BIGINT, origin VARCHAR, id VARCHAR, value INTEGER)");
      records.readAll(List.of(a, second), (i, file, origin) -> {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO raw SELECT " + i + ", row_number() OVER (), ?, id, value FROM read_csv('"
            + file + "', header = true, all_varchar = false, types = {'id': 'VARCHAR'})")) {
          p.setString(1, origin);
          return p.executeUpdate();
        }
      });
      records.execute("CREATE TEMP TABLE checked AS SELECT *, CASE WHEN id IS NULL THEN 0 WHEN value < 0 THEN 1 END AS __error FROM raw");
      Map<String, Long> skipped = records.judge("checked", REASONS, skip,
          "SELECT origin, __row FROM checked WHERE __error IS NOT NULL ORDER BY __file, __row LIMIT 1",
          rs -> new SpotlightException(ExitKind.DATA, new Location(rs.getString(1), rs.getInt(2), 0), "bad", null));
      return records.result(records.count("SELECT count(*) FROM checked WHERE __error IS NULL"), skipped, 1);
    });
  }

  @Test
  void readsEveryFileWithChecksumsCountsAndProgressThenCountsBadRecordsPerReason() throws Exception {
    List<Long> progress = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      PullResult r = run(c, progress, true);
      assertThat(r.recordsRead()).isEqualTo(5);
      assertThat(r.rowsKept()).isEqualTo(3);
      assertThat(r.skipped()).isEqualTo(Map.of("missing id", 1L, "negative", 1L));
      assertThat(r.filtered()).isEqualTo(1);
      assertThat(progress).containsExactly(2L, 5L);
      assertThat(r.inputs()).extracting(PullResult.InputFile::records).containsExactly(2L, 3L);
      // sha256sum of "id,value\n1,5\n,7\n", computed outside Java
      assertThat(r.inputs().get(0).sha256()).isEqualTo("49ab7ba922de041c68980278dbc708354b1bcac65a5bc222fd1ae7fc15cf60f0");
    }
  }

  @Test
  void stopsAtTheFirstBadRecordUnlessSkipping() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThatThrownBy(() -> run(c, new ArrayList<>(), false)).isInstanceOf(SpotlightException.class)
          .satisfies(e -> {
            SpotlightException s = (SpotlightException) e;
            assertThat(s.kind()).isEqualTo(ExitKind.DATA);
            assertThat(s.getMessage()).contains("a.csv:2");
          });
    }
  }

  /**
   * File 0 has records 1..5: 2 and 4 were left out for their number of fields, so the read gave
   * rows 1, 2, 3 for records 1, 3, 5; {@code badRecord} is the record with no id.
   */
  private Map<String, Long> leaveOutAndJudge(Connection c, long badRecord, boolean skip, List<String> rows) throws Exception {
    PullContext context = new PullContext(c, ZoneId.of("UTC"), "GBP", dir, (s, n) -> {});
    Path file = dir.resolve("x.csv");
    return RecordFiles.pull("test", source(), context, records -> {
      records.execute("CREATE OR REPLACE TEMP TABLE t (__file_idx INTEGER, __row BIGINT, id VARCHAR)",
          "INSERT INTO t VALUES (0, 1, 'r1'), (0, 2, 'r3'), (0, 3, 'r5')");
      long left = records.leaveOut("t", 0, file, List.of(new RaggedRecord(2, 3, 2, 3), new RaggedRecord(4, 6, 2, 1)));
      assertThat(left).isEqualTo(2);
      records.execute("UPDATE t SET id = NULL WHERE __row = " + badRecord,
          "CREATE OR REPLACE TEMP TABLE checked AS SELECT *, CASE WHEN id IS NULL THEN 0 END AS __error FROM t");
      rows.addAll(dev.spotlight.connectors.ConnectorFixture.rows(c.createStatement(), "SELECT __row, id FROM t ORDER BY __row"));
      Map<String, Long> skipped = records.judge("checked", REASONS, skip,
          "SELECT __row FROM checked WHERE __error IS NOT NULL ORDER BY __file_idx, __row LIMIT 1",
          rs -> new SpotlightException(ExitKind.DATA, new Location("x.csv", rs.getInt(1), 1), "no id", null));
      return records.result(0, skipped, 0);
    }).skipped();
  }

  @Test
  void recordsLeftOutForTheirFieldsAreRenumberedAroundCountedAndReportedInFileOrder() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      List<String> rows = new ArrayList<>();
      assertThat(leaveOutAndJudge(c, 5, true, rows)).containsOnly(Map.entry("missing id", 1L), Map.entry("wrong number of fields", 2L));
      assertThat(rows).containsExactly("1|r1", "3|r3", "5|null");
      assertThatThrownBy(() -> leaveOutAndJudge(c, 5, false, new ArrayList<>()))
          .hasMessageStartingWith(dir.resolve("x.csv") + ":3: expected 2 fields, found 3");
      assertThatThrownBy(() -> leaveOutAndJudge(c, 1, false, new ArrayList<>())).hasMessageStartingWith("x.csv:1:1: no id");
    }
  }

  @Test
  void aDuckDbErrorWhileReadingIsBadInputNamingTheFile() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.csv"), "x\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      PullContext context = new PullContext(c, ZoneId.of("UTC"), "GBP", dir, (s, n) -> {});
      assertThatThrownBy(() -> RecordFiles.pull("test", source(), context, records -> {
        records.readAll(List.of(broken), (i, file, origin) -> {
          throw new java.sql.SQLException("Invalid Input Error: bad byte on Line: 3");
        });
        return null;
      })).isInstanceOf(SpotlightException.class).hasMessageContaining("broken.csv:3");
    }
  }

  @Test
  void anyOtherDuckDbFailureIsAnInternalErrorNamingConnectorAndSource() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      PullContext context = new PullContext(c, ZoneId.of("UTC"), "GBP", dir, (s, n) -> {});
      assertThatThrownBy(() -> RecordFiles.pull("test", source(), context, records -> {
        records.execute("SELECT * FROM no_such_table");
        return null;
      })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("test source 'src' failed in DuckDB");
    }
  }
}
