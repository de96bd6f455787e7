package dev.spotlight.metrics.engine;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Loads and checks the areas reference file (SPEC §3) into a DuckDB table {@code areas}. */
public final class AreasLoader {

  static final List<String> COLUMNS = List.of("area_code", "name", "local_authority", "population", "deprivation_decile");

  private AreasLoader() {}

  public static void load(Connection c, Path file) {
    String shown = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "areas file not found", "check areas: in spotlight.yaml");
    }
    String path = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE areas_raw AS SELECT row_number() OVER () + 1 AS __line, * FROM read_csv(" + path
          + ", header = true, skip = 0, all_varchar = true, delim = ',', quote = '\"', escape = '\"', strict_mode = true)");
      List<String> have = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT column_name FROM (DESCRIBE areas_raw)")) {
        while (rs.next()) {
          have.add(rs.getString(1));
        }
      }
      for (String need : COLUMNS) {
        if (!have.contains(need)) {
          throw new SpotlightException(ExitKind.DATA, new Location(shown, 1, 0), "areas file lacks column '" + need + "'",
              "areas need " + String.join(", ", COLUMNS));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT __line, CASE"
          + " WHEN nullif(trim(area_code), '') IS NULL THEN 'empty area_code'"
          // a cast to an integer rounds 1.5 to 2, so the value must be the same as a double
          + " WHEN population IS NOT NULL AND coalesce(try_cast(population AS BIGINT) < 0"
          + " OR try_cast(population AS DOUBLE) <> try_cast(population AS BIGINT), true) THEN 'population must be a whole number, not ''' || population || ''''"
          + " WHEN deprivation_decile IS NOT NULL AND coalesce(try_cast(deprivation_decile AS INTEGER) NOT BETWEEN 1 AND 10"
          + " OR try_cast(deprivation_decile AS DOUBLE) <> try_cast(deprivation_decile AS INTEGER), true) THEN 'deprivation_decile must be 1 to 10, not ''' || deprivation_decile || ''''"
          + " WHEN count(*) OVER (PARTITION BY trim(area_code)) > 1 THEN 'area_code ''' || trim(area_code) || ''' appears more than once'"
          + " END AS problem FROM areas_raw QUALIFY problem IS NOT NULL ORDER BY __line LIMIT 1")) {
        if (rs.next()) {
          throw new SpotlightException(ExitKind.DATA, new Location(shown, rs.getInt(1), 0), rs.getString(2), null);
        }
      }
      s.execute("CREATE OR REPLACE TEMP TABLE areas AS SELECT trim(area_code) AS area_code, name, nullif(trim(local_authority), '') AS local_authority,"
          + " CAST(population AS BIGINT) AS population, CAST(deprivation_decile AS BIGINT) AS deprivation_decile FROM areas_raw");
      s.execute("DROP TABLE areas_raw");
    } catch (SQLException e) {
      String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "cannot read the areas file: " + first, null);
    }
  }
}
