package dev.spotlight.connectors.smartcitizen;

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

/** A throwaway project folder with SD-card files, a smartcitizen source and a store, for connector tests. */
final class SmartCitizenFixture {

  static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

  final Path dir;
  final StoreLayout store;

  SmartCitizenFixture(Path dir) {
    this.dir = dir;
    this.store = new StoreLayout(dir.resolve("store"));
  }

  /** Copies the test resource {@code smartcitizen/NAME} into the project folder as {@code target}. */
  Path resource(String name, String target) throws IOException {
    Path p = dir.resolve(target);
    Files.createDirectories(p.getParent());
    try (InputStream in = SmartCitizenFixture.class.getResourceAsStream("/smartcitizen/" + name)) {
      if (in == null) {
        throw new IOException("no test resource smartcitizen/" + name);
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

  static SourceSpec source(String name, String grantee, String optionsYaml, Path projectDir) {
    YamlMap options = (YamlMap) YamlReader.parse("spotlight.yaml", optionsYaml);
    return new SourceSpec(name, "smartcitizen", grantee, options, Map.of(), projectDir, null);
  }

  SourcePull.Outcome pull(String name, String optionsYaml) {
    return pull(name, "air-project", optionsYaml);
  }

  SourcePull.Outcome pull(String name, String grantee, String optionsYaml) {
    return new SourcePull(store, new Pseudonymiser(KEY), ZoneId.of("Europe/London"), "GBP")
        .run(new SmartCitizenConnector(), source(name, grantee, optionsYaml, dir), PullProgress.NONE);
  }

  /** Rows of {@code sql} over the store's Parquet (view {@code activity}), as strings joined by '|', in a UTC session. */
  List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      if (!store.parquetFiles(CanonicalTable.ACTIVITY).isEmpty()) {
        s.execute("CREATE VIEW activity AS SELECT * FROM read_parquet('" + store.root().resolve("activity") + "/**/*.parquet', hive_partitioning = true)");
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
