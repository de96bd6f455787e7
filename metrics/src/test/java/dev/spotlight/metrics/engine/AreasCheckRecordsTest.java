package dev.spotlight.metrics.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An areas file is checked once per exact content when the loader is given a folder to remember checks in. */
class AreasCheckRecordsTest {

  private static final String VALID = """
      area_code,name,local_authority,population,deprivation_decile
      E01 ,Dewsbury West,Kirklees,1500,1
      E02,"Batley, East",,1600.0,10
      """;

  /** Valid CSV, but E01 twice: the checks reject it. */
  private static final String REPEATED = """
      area_code,name,local_authority,population,deprivation_decile
      E01,A,Kirklees,1,1
      E01,B,Kirklees,2,2
      """;

  @TempDir
  Path dir;

  private Path checked;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    checked = dir.resolve("store/.checked");
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aPassedCheckIsRecordedUnderTheSha256OfTheContent() throws Exception {
    Path file = write(VALID);
    AreasLoader.load(connection, file, checked);
    assertThat(records()).containsExactly("areas-v" + AreasLoader.CHECKS_VERSION + "-" + sha256(VALID));
    assertThat(areas()).containsExactly(
        Arrays.asList("E01", "Dewsbury West", "Kirklees", 1500L, 1L),
        Arrays.asList("E02", "Batley, East", null, 1600L, 10L));
  }

  @Test
  void aRecordedContentLoadsTheSameTableWithoutTheChecks() throws Exception {
    Path file = write(VALID);
    AreasLoader.load(connection, file, checked);
    List<List<Object>> first = areas();
    try (Connection other = DriverManager.getConnection("jdbc:duckdb:")) {
      AreasLoader.load(other, file, checked);
      assertThat(areas(other)).isEqualTo(first);
    }
    // a record is trusted: a (hand-made) record for content that fails the checks lets it load,
    // which shows the checks were skipped
    Path bad = write(REPEATED);
    Files.writeString(checked.resolve("areas-v" + AreasLoader.CHECKS_VERSION + "-" + sha256(REPEATED)), "");
    AreasLoader.load(connection, bad, checked);
    assertThat(areas()).hasSize(2);
  }

  @Test
  void changedContentIsCheckedAgainAndAFailureIsNotRecorded() throws Exception {
    Path file = write(VALID);
    AreasLoader.load(connection, file, checked);
    write(REPEATED);
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> AreasLoader.load(connection, file, checked));
    assertThat(e).isNotNull();
    assertThat(e.problems().get(0).message()).isEqualTo("area_code 'E01' appears more than once");
    assertThat(records()).containsExactly("areas-v" + AreasLoader.CHECKS_VERSION + "-" + sha256(VALID));
  }

  @Test
  void aRecordFromAnEarlierVersionOfTheChecksIsIgnored() throws Exception {
    Path bad = write(REPEATED);
    Files.createDirectories(checked);
    Files.writeString(checked.resolve("areas-v" + (AreasLoader.CHECKS_VERSION - 1) + "-" + sha256(REPEATED)), "");
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> AreasLoader.load(connection, bad, checked));
    assertThat(e).isNotNull();
    assertThat(e.problems().get(0).message()).isEqualTo("area_code 'E01' appears more than once");
  }

  @Test
  void onlyTheLatestRecordIsKept() throws Exception {
    Path file = write(VALID);
    AreasLoader.load(connection, file, checked);
    String other = VALID + "E03,Roundhay,Leeds,900,5\n";
    write(other);
    AreasLoader.load(connection, file, checked);
    assertThat(records()).containsExactly("areas-v" + AreasLoader.CHECKS_VERSION + "-" + sha256(other));
    assertThat(areas()).hasSize(3);
  }

  @Test
  void aStoreThatCannotBeWrittenOnlyLosesTheShortcut() throws Exception {
    Path file = write(VALID);
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the records folder would be");
    AreasLoader.load(connection, file, blocked.resolve(".checked"));
    assertThat(areas()).hasSize(2);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("areas.csv"), text);
  }

  private List<String> records() throws IOException {
    try (Stream<Path> files = Files.list(checked)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private List<List<Object>> areas() throws SQLException {
    return areas(connection);
  }

  private static List<List<Object>> areas(Connection c) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT area_code, name, local_authority, population, deprivation_decile FROM areas ORDER BY area_code")) {
      while (rs.next()) {
        out.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4), rs.getObject(5)));
      }
    }
    return out;
  }
}
