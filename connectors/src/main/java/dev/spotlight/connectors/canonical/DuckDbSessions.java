package dev.spotlight.connectors.canonical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;

/** Opens in-memory DuckDB sessions set up for pulls: project time zone, spills under the store. */
public final class DuckDbSessions {

  private DuckDbSessions() {}

  public static Connection open(ZoneId timezone, Path scratchDir) {
    try {
      Files.createDirectories(scratchDir);
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = " + Sql.literal(timezone.getId()));
        s.execute("SET temp_directory = " + Sql.literal(scratchDir.toAbsolutePath().toString()));
        s.execute("SET enable_progress_bar = false");
      }
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
