package dev.spotlight.cli.project;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.store.StoreLayout;
import dev.spotlight.connectors.Grantees;
import dev.spotlight.connectors.SourceSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loaded {@code spotlight.yaml} (SPEC §1): every path already resolved against the project folder. */
public record ProjectFile(
    Path file,
    Path dir,
    String name,
    ZoneId timezone,
    String currency,
    Path store,
    Path reports,
    Privacy privacy,
    Map<String, BigDecimal> fx,
    Path areas,
    Location areasAt,
    Path proxies,
    Location proxiesAt,
    List<Grantee> grantees,
    List<SourceSpec> sources,
    List<MetricFileRef> metrics,
    ReportSettings report) {

  /** The privacy settings: where the pseudonym key comes from and the disclosure rules. */
  public record Privacy(String pseudonymKeyEnv, Location keyEnvAt, int minCell, int rounding) {}

  /** A grantee's display name and the organisation ids that mean it in grant data. */
  public record Grantee(String id, String name, List<String> orgIds) {}

  /** One {@code metrics:} entry: a built-in catalogue or a file. */
  public record MetricFileRef(String catalog, Path file, Location location) {}

  /** The {@code report:} settings: a template name or path, and the metrics it shows (empty = all). */
  public record ReportSettings(String template, Location templateAt, List<String> metrics, Location metricsAt) {}

  /** Which grantee each organisation id of {@code grantees[].org_ids} means, for connectors reading grant data. */
  public Grantees granteesByOrgId() {
    Map<String, String> byOrg = new LinkedHashMap<>();
    for (Grantee g : grantees) {
      g.orgIds().forEach(org -> byOrg.put(org, g.id()));
    }
    return Grantees.of(byOrg);
  }

  public StoreLayout storeLayout() {
    return new StoreLayout(store);
  }
}
