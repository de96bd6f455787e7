package dev.spotlight.metrics.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreasLoaderTest {

  @TempDir
  Path dir;

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("areas.csv"), text);
  }

  private List<List<Object>> areas() throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT area_code, name, local_authority, population, deprivation_decile FROM areas ORDER BY area_code")) {
      while (rs.next()) {
        out.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4), rs.getObject(5)));
      }
    }
    return out;
  }

  private SpotlightException failure(String text) throws IOException {
    Path file = csv(text);
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> AreasLoader.load(connection, file));
    assertThat(e).as("loading should fail").isNotNull();
    assertThat(e.kind()).isEqualTo(ExitKind.DATA);
    return e;
  }

  @Test
  void loadsTrimmedCodesWholeNumbersAndEmptyCellsAsNull() throws Exception {
    AreasLoader.load(connection, csv("""
        area_code,name,local_authority,population,deprivation_decile
        E01000001 ,Dewsbury West,Kirklees,1500,1
        E01000002,"Batley, East",Kirklees,1600,10
        E01000003,Roundhay,,,
        """));
    assertThat(areas()).containsExactly(
        Arrays.asList("E01000001", "Dewsbury West", "Kirklees", 1500L, 1L),
        Arrays.asList("E01000002", "Batley, East", "Kirklees", 1600L, 10L),
        Arrays.asList("E01000003", "Roundhay", null, null, null));
  }

  @Test
  void extraColumnsAndAnyColumnOrderAreAccepted() throws Exception {
    AreasLoader.load(connection, csv("""
        deprivation_decile,population,area_code,local_authority,name,region
        4,100,S01,Glasgow,Somewhere,Scotland
        """));
    assertThat(areas()).containsExactly(Arrays.asList("S01", "Somewhere", "Glasgow", 100L, 4L));
  }

  @Test
  void aMissingColumnIsBadDataOnTheHeaderLine() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population
        E01,A,B,1
        """);
    assertThat(e.problems().get(0).location().line()).isEqualTo(1);
    assertThat(e.problems().get(0).message()).isEqualTo("areas file lacks column 'deprivation_decile'");
  }

  @Test
  void aDecileOutsideOneToTenIsReportedWithItsLine() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,1,1
        E02,A,B,1,11
        """);
    assertThat(e.problems().get(0).location().line()).isEqualTo(3);
    assertThat(e.problems().get(0).message()).isEqualTo("deprivation_decile must be 1 to 10, not '11'");
  }

  @Test
  void aPopulationThatIsNotAWholeNumberIsReported() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,1.5,1
        """);
    assertThat(e.problems().get(0).location().line()).isEqualTo(2);
    assertThat(e.problems().get(0).message()).isEqualTo("population must be a whole number, not '1.5'");
  }

  @Test
  void aDecileWithAFractionIsReportedNotRounded() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,1,2.5
        """);
    assertThat(e.problems().get(0).location().line()).isEqualTo(2);
    assertThat(e.problems().get(0).message()).isEqualTo("deprivation_decile must be 1 to 10, not '2.5'");
  }

  @Test
  void wholeNumbersWrittenWithAPointZeroAreAccepted() throws Exception {
    // spreadsheets and data frames often write whole numbers as 1500.0
    AreasLoader.load(connection, csv("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,1500.0,3.0
        """));
    assertThat(areas()).containsExactly(Arrays.asList("E01", "A", "B", 1500L, 3L));
  }

  @Test
  void aNegativePopulationIsReported() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,-1,3
        """);
    assertThat(e.problems().get(0).message()).isEqualTo("population must be a whole number, not '-1'");
  }

  @Test
  void aRepeatedAreaCodeIsReported() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,1,1
        E02,A,B,1,2
        E01 ,C,D,1,3
        """);
    assertThat(e.problems().get(0).location().line()).isEqualTo(2);
    assertThat(e.problems().get(0).message()).isEqualTo("area_code 'E01' appears more than once");
  }

  @Test
  void anEmptyAreaCodeIsReported() throws Exception {
    SpotlightException e = failure("""
        area_code,name,local_authority,population,deprivation_decile
        E01,A,B,1,1
        ,A,B,1,2
        """);
    assertThat(e.problems().get(0).location().line()).isEqualTo(3);
    assertThat(e.problems().get(0).message()).isEqualTo("empty area_code");
  }

  @Test
  void aMissingFileIsBadData() {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> AreasLoader.load(connection, dir.resolve("none.csv")));
    assertThat(e.kind()).isEqualTo(ExitKind.DATA);
    assertThat(e.problems().get(0).message()).isEqualTo("areas file not found");
  }
}
