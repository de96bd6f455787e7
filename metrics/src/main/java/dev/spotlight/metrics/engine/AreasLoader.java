package dev.spotlight.metrics.engine;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads and checks the areas reference file (SPEC §3) into a DuckDB table {@code areas}. Given a
 * folder to remember checked files in, a file whose exact content passed the checks before is
 * loaded without checking it again (one statement instead of five).
 */
public final class AreasLoader {

  static final List<String> COLUMNS = List.of("area_code", "name", "local_authority", "population", "deprivation_decile");

  /** Raise when the checks change, so that every remembered file is checked again. */
  static final int CHECKS_VERSION = 1;

  private static final String CSV_OPTIONS = ", header = true, skip = 0, all_varchar = true, delim = ',', quote = '\"', escape = '\"', strict_mode = true";

  /** The checked text columns as the table's types (area codes trimmed, empty authority as null). */
  private static final String TYPED = "trim(area_code) AS area_code, name, nullif(trim(local_authority), '') AS local_authority,"
      + " CAST(population AS BIGINT) AS population, CAST(deprivation_decile AS BIGINT) AS deprivation_decile";

  private AreasLoader() {}

  /** Loads {@code file}, checking every row. */
  public static void load(Connection c, Path file) {
    load(c, file, null);
  }

  /**
   * Loads {@code file}; when {@code checked} (a folder, created if missing) holds the record of a
   * check of this exact content (SHA-256), the checks are not run again. A file that changes while
   * it is read is checked in full; a failed check is never remembered.
   */
  public static void load(Connection c, Path file, Path checked) {
    if (!Files.isRegularFile(file)) {
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "areas file not found", "check areas: in spotlight.yaml");
    }
    if (checked == null) {
      checkAndLoad(c, file);
      return;
    }
    String before = digest(file);
    Path record = checked.resolve("areas-v" + CHECKS_VERSION + "-" + before);
    if (Files.isRegularFile(record)) {
      loadUnchecked(c, file);
      if (before.equals(digest(file))) {
        return;
      }
    }
    checkAndLoad(c, file);
    if (before.equals(digest(file))) {
      remember(checked, record);
    }
  }

  private static void loadUnchecked(Connection c, Path file) {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE areas AS SELECT " + TYPED + " FROM read_csv(" + quoted(file) + CSV_OPTIONS + ")");
    } catch (SQLException e) {
      throw unreadable(file, e);
    }
  }

  private static void checkAndLoad(Connection c, Path file) {
    String shown = file.toString();
    String path = quoted(file);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE areas_raw AS SELECT row_number() OVER () + 1 AS __line, * FROM read_csv(" + path + CSV_OPTIONS + ")");
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
      s.execute("CREATE OR REPLACE TEMP TABLE areas AS SELECT " + TYPED + " FROM areas_raw");
      s.execute("DROP TABLE areas_raw");
    } catch (SQLException e) {
      throw unreadable(file, e);
    }
  }

  private static SpotlightException unreadable(Path file, SQLException e) {
    String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    return new SpotlightException(ExitKind.DATA, Location.of(file), "cannot read the areas file: " + first, null);
  }

  private static String quoted(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static String digest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new SpotlightException(ExitKind.DATA, Location.of(file), "cannot read the areas file: " + e.getMessage(), null);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records a passed check, replacing older records; a store that cannot be written only loses the shortcut. */
  private static void remember(Path checked, Path record) {
    try {
      Files.createDirectories(checked);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(checked, "areas-*")) {
        for (Path p : old) {
          if (!p.equals(record)) {
            Files.deleteIfExists(p);
          }
        }
      }
      Files.write(record, new byte[0]);
    } catch (IOException ignored) {
      // the next load checks the file again
    }
  }
}
