package dev.spotlight.connectors.mapped;

import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlReader;
import dev.spotlight.connectors.PullProgress;
import dev.spotlight.connectors.SourcePull;
import dev.spotlight.connectors.SourceSpec;
import dev.spotlight.connectors.canonical.Pseudonymiser;
import java.io.IOException;
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

/** A throwaway project folder with export files, a mapped source and a store, for connector tests. */
final class MappedFixture {

  static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

  final Path dir;
  final StoreLayout store;

  MappedFixture(Path dir) {
    this.dir = dir;
    this.store = new StoreLayout(dir.resolve("store"));
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static SourceSpec source(String name, String grantee, String optionsYaml) {
    YamlMap options = (YamlMap) YamlReader.parse("spotlight.yaml", optionsYaml);
    return new SourceSpec(name, "mapped", grantee, options, Map.of(), null, null);
  }

  SourcePull.Outcome pull(String name, String grantee, String optionsYaml) {
    YamlMap options = (YamlMap) YamlReader.parse("spotlight.yaml", optionsYaml);
    SourceSpec spec = new SourceSpec(name, "mapped", grantee, options, Map.of(), dir, null);
    return new SourcePull(store, new Pseudonymiser(KEY), ZoneId.of("Europe/London"), "GBP")
        .run(new MappedConnector(), spec, PullProgress.NONE);
  }

  boolean storeIsEmpty() {
    return store.parquetFiles(dev.spotlight.common.store.CanonicalTable.ACTIVITY).isEmpty();
  }

  /** Rows of {@code sql} over the store's Parquet (views {@code activity} and {@code costs}), as strings joined by '|'. */
  List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      for (String table : List.of("activity", "costs")) {
        if (!store.parquetFiles(dev.spotlight.common.store.CanonicalTable.byName(table).orElseThrow()).isEmpty()) {
          s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + store.root().resolve(table) + "/**/*.parquet', hive_partitioning = true)");
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
