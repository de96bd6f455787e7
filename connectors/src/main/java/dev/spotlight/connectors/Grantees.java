package dev.spotlight.connectors;

import dev.spotlight.connectors.canonical.Sql;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The project's {@code grantees:} as connectors see them: which grantee an organisation id (a
 * 360Giving or IATI recipient id listed in {@code org_ids}) means. Ids are compared trimmed and
 * without case, since publishers write prefixes like {@code GB-CHC-} in either case.
 */
public final class Grantees {

  public static final Grantees NONE = new Grantees(Map.of());

  private final Map<String, String> byOrgId;

  private Grantees(Map<String, String> byOrgId) {
    this.byOrgId = Map.copyOf(byOrgId);
  }

  /** From organisation id to grantee id; the project loader has already refused an org id listed under two grantees. */
  public static Grantees of(Map<String, String> orgIdToGrantee) {
    Map<String, String> out = new LinkedHashMap<>();
    orgIdToGrantee.forEach((org, grantee) -> out.put(key(org), grantee));
    return new Grantees(out);
  }

  /** The grantee whose {@code org_ids} list {@code orgId}, or null. */
  public String granteeOf(String orgId) {
    return orgId == null ? null : byOrgId.get(key(orgId));
  }

  /** Every organisation id (normalised as {@link #key}) with its grantee. */
  public Map<String, String> byOrgId() {
    return byOrgId;
  }

  /** SQL giving the grantee of the organisation id in text expression {@code column}, or NULL when no grantee lists it. */
  public String sql(String column) {
    if (byOrgId.isEmpty()) {
      return "CAST(NULL AS VARCHAR)";
    }
    StringBuilder b = new StringBuilder("CASE upper(trim(").append(column).append("))");
    byOrgId.forEach((org, id) -> b.append(" WHEN ").append(Sql.literal(org)).append(" THEN ").append(Sql.literal(id)));
    return b.append(" END").toString();
  }

  public boolean isEmpty() {
    return byOrgId.isEmpty();
  }

  /** An organisation id as it is compared: trimmed and upper case. */
  public static String key(String orgId) {
    return orgId.strip().toUpperCase(Locale.ROOT);
  }
}
