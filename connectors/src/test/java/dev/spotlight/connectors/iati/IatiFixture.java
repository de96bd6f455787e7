package dev.spotlight.connectors.iati;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A throwaway project folder with IATI files and a store, for pulling the iati connector end to end. */
final class IatiFixture {

  static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

  final Path dir;
  final StoreLayout store;

  IatiFixture(Path dir) {
    this.dir = dir;
    this.store = new StoreLayout(dir.resolve("store"));
  }

  /** Copies test resource {@code resource} to {@code name} in the project folder. */
  Path resource(String resource, String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    try (InputStream in = IatiFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      Files.copy(in, p);
    }
    return p;
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  SourceSpec source(String name, String grantee, String optionsYaml) {
    YamlMap options = (YamlMap) YamlReader.parse("spotlight.yaml", optionsYaml);
    return new SourceSpec(name, "iati", grantee, options, Map.of(), dir, null);
  }

  SourcePull.Outcome pull(String name, String grantee, String optionsYaml) {
    return new SourcePull(store, new Pseudonymiser(KEY), ZoneId.of("Europe/London"), "GBP")
        .run(new IatiConnector(), source(name, grantee, optionsYaml), PullProgress.NONE);
  }

  boolean isEmpty(CanonicalTable table) {
    return store.parquetFiles(table).isEmpty();
  }

  /** Rows of {@code sql} over the store's Parquet (views {@code activity} and {@code costs}), as strings joined by '|'. */
  List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      for (CanonicalTable table : List.of(CanonicalTable.ACTIVITY, CanonicalTable.COSTS)) {
        String name = table == CanonicalTable.ACTIVITY ? "activity" : "costs";
        if (!isEmpty(table)) {
          s.execute("CREATE VIEW " + name + " AS SELECT * FROM read_parquet('" + store.root().resolve(name) + "/**/*.parquet', hive_partitioning = true)");
        }
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(sql)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            b.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          out.add(b.toString());
        }
      }
      return out;
    }
  }
}
