package dev.spotlight.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullStageTest {

  @TempDir Path dir;

  private static final String GRANT = "{\"id\": \"%s\", \"title\": \"t\", \"currency\": \"GBP\", \"amountAwarded\": %s, \"awardDate\": \"2026-10-01\","
      + " \"recipientOrganization\": [{\"id\": \"%s\", \"name\": \"r\"}], \"fundingOrganization\": [{\"id\": \"GB-CHC-1\", \"name\": \"Fund\"}]}";

  @Test
  void theProjectsGranteeOrgIdsReachTheConnectors() throws Exception {
    Files.writeString(dir.resolve("grants.json"), "{\"grants\": [" + GRANT.formatted("360G-1", "100", "GB-CHC-1234567") + ", "
        + GRANT.formatted("360G-2", "250.5", "GB-COH-99") + "]}");
    Files.writeString(dir.resolve("spotlight.yaml"), """
        name: Fund
        grantees:
          - id: kirklees-sharing
            org_ids: [gb-chc-1234567]
        sources:
          - name: grants
            connector: 360giving
            options: { files: grants.json }
        """);

    Cli.Result pull = Cli.run("pull", "-p", dir.resolve("spotlight.yaml").toString());

    assertThat(pull.exit()).as(pull.toString()).isZero();
    assertThat(costs()).containsExactly("360G-1|kirklees-sharing|100.00", "360G-2|GB-COH-99|250.50");
  }

  @Test
  void theRemovedIatiGranteesOptionIsADefinitionErrorSayingWhereReceiversGoNow() throws Exception {
    Files.writeString(dir.resolve("a.xml"), "<iati-activities/>");
    Files.writeString(dir.resolve("spotlight.yaml"), """
        name: Fund
        sources:
          - name: iati
            connector: iati
            options:
              files: a.xml
              grantees: { GB-CHC-1: kirklees-sharing }
        """);

    Cli.Result pull = Cli.run("pull", "-p", dir.resolve("spotlight.yaml").toString());

    Cli.assertFailed(pull, 3, dir.resolve("spotlight.yaml") + ":7:7: the iati option grantees: is gone: receivers are mapped through the project's grantees"
        + " (list each receiver-org ref under its grantee's org_ids in the project file's grantees:)");
  }

  private List<String> costs() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT cost_id, grantee, amount FROM read_parquet('" + dir.resolve(".spotlight/store/costs")
            + "/**/*.parquet') ORDER BY 1")) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
      }
      return out;
    }
  }
}
