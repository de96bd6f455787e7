package dev.spotlight.connectors;

import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlReader;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A throwaway project folder with export files and a store, for pulling one connector end to end in tests. */
public final class ConnectorFixture {

  public static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

  public final Path dir;
  public final StoreLayout store;
  private final Connector connector;
  private Grantees grantees = Grantees.NONE;

  public ConnectorFixture(Path dir, Connector connector) {
    this.dir = dir;
    this.store = new StoreLayout(dir.resolve("store"));
    this.connector = connector;
  }

  /** Copies test resource {@code resource} to {@code name} in the project folder. */
  public Path resource(String resource, String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    try (InputStream in = ConnectorFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      Files.copy(in, p);
    }
    return p;
  }

  public Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  public SourceSpec source(String name, String grantee, String optionsYaml) {
    YamlMap options = (YamlMap) YamlReader.parse("spotlight.yaml", optionsYaml);
    return new SourceSpec(name, connector.id(), grantee, options, Map.of(), dir, null);
  }

  /** Sets the project's grantees for later pulls: organisation id to grantee id, as {@code grantees[].org_ids} give them. */
  public ConnectorFixture grantees(Map<String, String> orgIdToGrantee) {
    this.grantees = Grantees.of(orgIdToGrantee);
    return this;
  }

  public SourcePull.Outcome pull(String name, String grantee, String optionsYaml) {
    return new SourcePull(store, new Pseudonymiser(KEY), ZoneId.of("Europe/London"), "GBP", grantees)
        .run(connector, source(name, grantee, optionsYaml), PullProgress.NONE);
  }

  /** Whether no canonical table has any Parquet file: nothing was written. */
  public boolean storeIsEmpty() {
    return java.util.Arrays.stream(CanonicalTable.values()).allMatch(this::isEmpty);
  }

  public boolean isEmpty(CanonicalTable table) {
    return store.parquetFiles(table).isEmpty();
  }

  public static String hmac(String id) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
  }

  /** Rows of {@code sql} over the store's Parquet (views {@code activity} and {@code costs}), as strings joined by '|'. */
  public List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      for (CanonicalTable table : CanonicalTable.values()) {
        if (!store.parquetFiles(table).isEmpty()) {
          s.execute("CREATE VIEW " + table.tableName() + " AS SELECT * FROM read_parquet('" + store.root().resolve(table.tableName())
              + "/**/*.parquet', hive_partitioning = true)");
        }
      }
      return rows(s, sql);
    }
  }

  /** Rows of {@code sql}, each as its values joined by '|' (null as "null"). */
  public static List<String> rows(Statement s, String sql) throws SQLException {
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
