package dev.spotlight.metrics.sql;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.ColumnType;
import dev.spotlight.metrics.expr.Expr;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.MetricDefinition;
import dev.spotlight.metrics.plan.Atom;
import dev.spotlight.metrics.plan.ExprNames;
import dev.spotlight.metrics.plan.QueryPlan;
import dev.spotlight.metrics.plan.TableScope;
import dev.spotlight.metrics.plan.ValueTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link QueryPlan} as one SQL statement over the relations {@code activity}, {@code costs}
 * and {@code areas}: a base per table (money converted, dimensions derived, costs spread by day over
 * the period), one aggregate per atom with its filters, and a left join onto every group that has
 * rows. Every literal is a bound parameter; identifiers come only from the canonical schema.
 */
public final class QuerySqlBuilder {

  /** The dimensions that come from the areas table, and the column of {@code areas} each is. */
  private static final java.util.Map<String, String> AREA_DIMENSIONS =
      java.util.Map.of("area", "area_code", "local_authority", "local_authority", "deprivation_decile", "deprivation_decile");

  private final SqlDialect dialect;
  private final MoneyRules money;
  private final boolean hasAreas;

  public QuerySqlBuilder(SqlDialect dialect, MoneyRules money, boolean hasAreas) {
    this.dialect = dialect;
    this.money = money;
    this.hasAreas = hasAreas;
  }

  public CompiledQuery build(QueryPlan plan) {
    List<Object> params = new ArrayList<>();
    List<String> ctes = new ArrayList<>();
    List<String> dims = plan.dimensions();
    boolean activity = plan.tables().contains(CanonicalTable.ACTIVITY);
    boolean costs = plan.tables().contains(CanonicalTable.COSTS);
    if (activity) {
      ctes.add("act_base AS (" + activityBase(plan, params) + ")");
      ctes.add("act_agg AS (" + aggregate("act_base", plan, CanonicalTable.ACTIVITY, params) + ")");
    }
    if (costs) {
      ctes.add("cost_base AS (" + costBase(plan, params) + ")");
      ctes.add("cost_agg AS (" + aggregate("cost_base", plan, CanonicalTable.COSTS, params) + ")");
    }
    boolean population = population(plan);
    if (population) {
      ctes.add("pop AS (" + populationSql(dims) + ")");
    }
    // With one table its aggregate already has every group (and one row without dimensions): it is
    // the row source itself. With both, the groups of either are joined onto.
    boolean single = activity != costs;
    if (!single) {
      ctes.add("groups AS (" + groups(dims, activity, costs) + ")");
    }
    StringBuilder sql = new StringBuilder("WITH ").append(String.join(",\n", ctes)).append('\n');
    sql.append("SELECT ");
    List<String> select = new ArrayList<>();
    for (String d : dims) {
      select.add("g." + q(d));
    }
    for (Atom a : plan.atoms()) {
      String source = (single ? "g." : a.table() == CanonicalTable.ACTIVITY ? "act_agg." : "cost_agg.") + q(a.alias());
      boolean zeroWhenEmpty = a.function().isCount() || a.function() == AggregateFunction.SUM;
      select.add((zeroWhenEmpty ? "coalesce(" + source + ", 0)" : source) + " AS " + q(a.alias()));
    }
    List<String> columns = new ArrayList<>(plan.atoms().stream().map(Atom::alias).toList());
    if (population) {
      select.add("pop." + q(ValueTree.Population.COLUMN) + " AS " + q(ValueTree.Population.COLUMN));
      columns.add(ValueTree.Population.COLUMN);
    }
    sql.append(String.join(", ", select));
    if (single) {
      sql.append("\nFROM ").append(activity ? "act_agg" : "cost_agg").append(" g");
    } else {
      sql.append("\nFROM groups g");
      if (activity) {
        sql.append(" LEFT JOIN act_agg ON ").append(joinOn("act_agg", dims));
      }
      if (costs) {
        sql.append(" LEFT JOIN cost_agg ON ").append(joinOn("cost_agg", dims));
      }
    }
    if (population) {
      List<String> areaDims = dims.stream().filter(AREA_DIMENSIONS::containsKey).toList();
      sql.append(" LEFT JOIN pop ON ").append(areaDims.isEmpty() ? "true"
          : areaDims.stream().map(d -> "g." + q(d) + " = pop." + q(d)).collect(Collectors.joining(" AND ")));
    }
    if (!dims.isEmpty()) {
      sql.append("\nORDER BY ").append(dims.stream().map(d -> "g." + q(d) + " NULLS LAST").collect(Collectors.joining(", ")));
    }
    return new CompiledQuery(sql.toString(), params, dims, columns);
  }

  /** Whether the plan needs the population of the areas; without an areas file that is a definition error. */
  private boolean population(QueryPlan plan) {
    var metric = plan.populationMetric();
    if (metric.isPresent() && !hasAreas) {
      MetricDefinition d = metric.get().metric();
      throw SpotlightException.definition(d.location(), "metric '" + d.id() + "' needs the population of the areas, but the project has no areas file",
          "add areas: reference/areas.csv to spotlight.yaml");
    }
    return metric.isPresent();
  }

  /**
   * The population per group of the query's area dimensions: every area in the areas file having
   * that value, active or not; one row for all areas when the query has no area dimension.
   */
  private String populationSql(List<String> dims) {
    List<String> areaDims = dims.stream().filter(AREA_DIMENSIONS::containsKey).toList();
    String sum = "CAST(sum(" + q("population") + ") AS DOUBLE) AS " + q(ValueTree.Population.COLUMN);
    if (areaDims.isEmpty()) {
      return "SELECT " + sum + " FROM areas";
    }
    String cols = areaDims.stream().map(d -> q(AREA_DIMENSIONS.get(d)) + " AS " + q(d)).collect(Collectors.joining(", "));
    return "SELECT " + cols + ", " + sum + " FROM areas GROUP BY ALL";
  }

  private String q(String identifier) {
    return dialect.quoteIdentifier(identifier);
  }

  /** Names read by the query on {@code table}: its dimensions and every name in its atoms. */
  private static Set<String> namesUsed(QueryPlan plan, CanonicalTable table) {
    Set<String> names = new LinkedHashSet<>(plan.dimensions());
    for (Atom a : plan.atoms()) {
      if (a.table() == table) {
        ExprNames.collect(a.of(), names);
        a.filters().forEach(f -> ExprNames.collect(f, names));
      }
    }
    return names;
  }

  private String moneySql(String column, List<Object> params) {
    String currency = q("currency");
    String text = dialect.typeName(SqlType.STRING);
    StringBuilder s = new StringBuilder("CASE WHEN " + currency + " IS NULL OR " + currency + " = CAST(? AS " + text + ") THEN CAST(")
        .append(column).append(" AS DOUBLE)");
    params.add(money.currency());
    for (var e : money.fx().entrySet()) {
      s.append(" WHEN " + currency + " = CAST(? AS " + text + ") THEN CAST(").append(column).append(" AS DOUBLE) * CAST(? AS DOUBLE)");
      params.add(e.getKey());
      params.add(e.getValue().doubleValue());
    }
    return s.append(" END").toString();
  }

  private String activityBase(QueryPlan plan, List<Object> params) {
    Set<String> used = namesUsed(plan, CanonicalTable.ACTIVITY);
    boolean needAreas = used.stream().anyMatch(TableScope.AREA_COLUMNS::contains);
    if (needAreas && !hasAreas) {
      String which = used.stream().filter(TableScope.AREA_COLUMNS::contains).findFirst().orElseThrow();
      throw SpotlightException.definition(Location.NONE, "'" + which + "' comes from the areas table, but the project has no areas file",
          "add areas: reference/areas.csv to spotlight.yaml");
    }
    List<String> cols = new ArrayList<>();
    for (CanonicalColumn c : CanonicalTable.ACTIVITY.columns()) {
      if (c.type() == ColumnType.STRING_MAP) {
        continue;
      }
      cols.add(c.name().equals("amount") ? moneySql("a." + q("amount"), params) + " AS " + q("amount") : "a." + q(c.name()));
    }
    cols.add("a." + q("area_code") + " AS " + q("area"));
    for (String areaCol : TableScope.AREA_COLUMNS) {
      cols.add(needAreas ? "ar." + q(areaCol)
          : "CAST(NULL AS " + dialect.typeName(areaCol.equals("local_authority") ? SqlType.STRING : SqlType.BIGINT) + ") AS " + q(areaCol));
    }
    cols.addAll(timeDimensions("a." + q("occurred_on")));
    for (String name : used) {
      if (name.startsWith("attributes.")) {
        cols.add(dialect.mapValue("a." + q("attributes"), "CAST(? AS " + dialect.typeName(SqlType.STRING) + ")") + " AS " + q(name));
        params.add(name.substring("attributes.".length()));
      }
    }
    StringBuilder s = new StringBuilder("SELECT ").append(String.join(", ", cols)).append(" FROM activity a");
    if (needAreas) {
      s.append(" LEFT JOIN areas ar ON ar." + q("area_code") + " = a." + q("area_code"));
    }
    s.append(" WHERE a." + q("occurred_on") + " BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)");
    params.add(plan.period().start());
    params.add(plan.period().end());
    return s.toString();
  }

  /** The calendar dimensions, each a label of the bucket a date falls in. */
  private static final List<String> TIME_DIMENSIONS = List.of("day", "week", "month", "quarter", "year");

  private List<String> timeDimensions(String date) {
    return TIME_DIMENSIONS.stream().map(unit -> dialect.timeBucket(unit, date) + " AS " + q(unit)).toList();
  }

  /**
   * Costs spread evenly by day: each cost row is expanded to its days inside the period, grouped
   * back to one row per (cost row, calendar group used), with {@code __share} = days in that group ÷
   * days the row covers. Sums weight by the share; counts see each row once per group.
   */
  private String costBase(QueryPlan plan, List<Object> params) {
    Set<String> used = namesUsed(plan, CanonicalTable.COSTS);
    List<String> rowCols = new ArrayList<>();
    for (CanonicalColumn c : CanonicalTable.COSTS.columns()) {
      rowCols.add(c.name().equals("amount") ? moneySql("c." + q("amount"), params) + " AS " + q("amount") : "c." + q(c.name()));
    }
    String start = "c." + q("period_start");
    String end = "c." + q("period_end");
    String days = "SELECT " + String.join(", ", rowCols)
        + ", " + dialect.daySeries("greatest(" + start + ", CAST(? AS DATE))", "least(" + end + ", CAST(? AS DATE))") + " AS " + q("__day")
        + ", " + dialect.dateDiff("day", start, end) + " + 1 AS " + q("__span")
        + " FROM costs c WHERE " + start + " <= CAST(? AS DATE) AND " + end + " >= CAST(? AS DATE)";
    params.add(plan.period().start());
    params.add(plan.period().end());
    params.add(plan.period().end());
    params.add(plan.period().start());
    List<String> out = new ArrayList<>();
    for (CanonicalColumn c : CanonicalTable.COSTS.columns()) {
      out.add(q(c.name()));
    }
    for (String unit : TIME_DIMENSIONS) {
      if (used.contains(unit)) {
        out.add(dialect.timeBucket(unit, q("__day")) + " AS " + q(unit));
      }
    }
    return "SELECT " + String.join(", ", out)
        + ", count(*) / CAST(max(" + q("__span") + ") AS DOUBLE) AS " + q("__share") + " FROM (" + days + ") GROUP BY ALL";
  }

  private String aggregate(String base, QueryPlan plan, CanonicalTable table, List<Object> params) {
    ExprSqlRenderer renderer = new ExprSqlRenderer(dialect, this::q);
    List<String> cols = new ArrayList<>();
    for (String d : plan.dimensions()) {
      cols.add(q(d));
    }
    for (Atom a : plan.atoms()) {
      if (a.table() == table) {
        cols.add(atomSql(a, renderer, table, params) + " AS " + q(a.alias()));
      }
    }
    String s = "SELECT " + String.join(", ", cols) + " FROM " + base;
    if (!plan.dimensions().isEmpty()) {
      s += " GROUP BY " + plan.dimensions().stream().map(this::q).collect(Collectors.joining(", "));
    }
    return s;
  }

  private String atomSql(Atom a, ExprSqlRenderer renderer, CanonicalTable table, List<Object> params) {
    String of = a.of() == null ? null : renderer.render(a.of(), params);
    String call = switch (a.function()) {
      case COUNT -> "count(*)";
      case COUNT_DISTINCT -> "count(DISTINCT " + of + ")";
      case SUM -> table == CanonicalTable.COSTS ? "sum(CAST(" + of + " AS DOUBLE) * " + q("__share") + ")" : "sum(CAST(" + of + " AS DOUBLE))";
      case AVG -> "avg(CAST(" + of + " AS DOUBLE))";
      case MIN -> "min(CAST(" + of + " AS DOUBLE))";
      case MAX -> "max(CAST(" + of + " AS DOUBLE))";
      case MEDIAN -> dialect.percentile("CAST(" + of + " AS DOUBLE)", 0.5);
      case PERCENTILE -> dialect.percentile("CAST(" + of + " AS DOUBLE)", a.p());
    };
    if (a.filters().isEmpty()) {
      return call;
    }
    List<String> parts = new ArrayList<>();
    for (Expr f : a.filters()) {
      parts.add(renderer.render(f, params));
    }
    return call + " FILTER (WHERE " + String.join(" AND ", parts) + ")";
  }

  private String groups(List<String> dims, boolean activity, boolean costs) {
    if (dims.isEmpty()) {
      return "SELECT 1 AS " + q("__one");
    }
    String cols = dims.stream().map(this::q).collect(Collectors.joining(", "));
    // the aggregates already hold one row per group: reading them, not the bases, scans the data once
    List<String> parts = new ArrayList<>();
    if (activity) {
      parts.add("SELECT " + cols + " FROM act_agg");
    }
    if (costs) {
      parts.add("SELECT " + cols + " FROM cost_agg");
    }
    return String.join(" UNION ", parts);
  }

  private String joinOn(String table, List<String> dims) {
    if (dims.isEmpty()) {
      return "true";
    }
    return dims.stream().map(d -> "g." + q(d) + " IS NOT DISTINCT FROM " + table + "." + q(d)).collect(Collectors.joining(" AND "));
  }
}
