package dev.spotlight.connectors.mapped;

import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.ColumnType;
import dev.spotlight.connectors.canonical.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generates the DuckDB SQL that maps one export file's rows to canonical columns, and the list of
 * row checks (in order) whose first failure makes a row bad. User values are bound parameters.
 */
final class MappingSql {

  /** A check on a mapped row: an SQL condition and how to describe a row that fails it. */
  record Check(String condition, String field, String reason, Kind kind) {}

  /** Whether a failed check filters the row on purpose or makes it bad input. */
  enum Kind {
    FILTER,
    ERROR
  }

  static final String ISO_TIMESTAMP =
      "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)? ?(Z|[+-]\\d{2}(:?\\d{2})?)?$";

  private final MappingSpec spec;
  private final String sourceGrantee;
  private final String platformKind;

  MappingSql(MappingSpec spec, String sourceGrantee, String platformKind) {
    this.spec = spec;
    this.sourceGrantee = sourceGrantee;
    this.platformKind = platformKind;
  }

  /** The columns of the mapped table, in order: canonical targets, then their raw text, then flags. */
  List<String> mappedColumns() {
    List<String> cols = new ArrayList<>();
    cols.add("__file_idx");
    cols.add("__row");
    for (CanonicalColumn c : MappingSpec.targets(spec.table())) {
      cols.add(c.name());
    }
    if (spec.table() == CanonicalTable.ACTIVITY) {
      cols.add("attributes");
    }
    for (var e : spec.fields().entrySet()) {
      if (keepsRaw(e.getKey(), e.getValue())) {
        cols.add(e.getKey() + "__raw");
      }
      if (e.getValue() instanceof FieldMapping.ValueMap) {
        cols.add(e.getKey() + "__unmapped");
      }
    }
    return cols;
  }

  /** {@code SELECT ...} of the mapped columns from {@code file}'s relation; params are appended to {@code params}. */
  String select(RawFile rawFile, int fileIdx, List<Object> params) {
    // each source column is cleaned once, in an inner projection, however often the mapping reads it
    List<String> sourceColumns = spec.sourceColumns();
    StringBuilder inner = new StringBuilder("(SELECT __row");
    for (int i = 0; i < sourceColumns.size(); i++) {
      inner.append(", ").append(rawFile.columnSql(sourceColumns.get(i))).append(" AS \"__c").append(i).append('"');
    }
    inner.append(" FROM ").append(rawFile.relationSql()).append(" raw)");
    Function<String, String> file = column -> "\"__c" + sourceColumns.indexOf(column) + "\"";
    StringBuilder sql = new StringBuilder("SELECT ").append(fileIdx).append(" AS __file_idx, __row");
    for (CanonicalColumn c : MappingSpec.targets(spec.table())) {
      sql.append(", ").append(valueSql(c, file, params)).append(" AS ").append(Sql.identifier(c.name()));
    }
    if (spec.table() == CanonicalTable.ACTIVITY) {
      sql.append(", ").append(attributesSql(file, params)).append(" AS attributes");
    }
    for (var e : spec.fields().entrySet()) {
      FieldMapping f = e.getValue();
      if (keepsRaw(e.getKey(), f)) {
        sql.append(", ").append(file.apply(f.column())).append(" AS ").append(Sql.identifier(e.getKey() + "__raw"));
      }
      if (f instanceof FieldMapping.ValueMap vm) {
        sql.append(", (").append(file.apply(vm.column())).append(" IS NOT NULL AND ")
            .append(file.apply(vm.column())).append(" NOT IN (");
        appendParams(sql, new ArrayList<>(vm.values().keySet()), params);
        sql.append(")) AS ").append(Sql.identifier(e.getKey() + "__unmapped"));
      }
    }
    sql.append(" FROM ").append(inner).append(" src");
    return sql.toString();
  }

  /**
   * Whether the mapped table keeps the source text of {@code field}: only where a row can fail on
   * it (a value that does not parse, or one a value map does not list), for the error message.
   */
  boolean keepsRaw(String field, FieldMapping f) {
    if (f.column() == null) {
      return false;
    }
    if (f instanceof FieldMapping.ValueMap) {
      return true;
    }
    return MappingSpec.targets(spec.table()).stream().anyMatch(c -> c.name().equals(field) && c.type() != ColumnType.STRING);
  }

  private static void appendParams(StringBuilder sql, List<String> values, List<Object> params) {
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("CAST(? AS VARCHAR)");
      params.add(values.get(i));
    }
  }

  private String valueSql(CanonicalColumn c, Function<String, String> file, List<Object> params) {
    FieldMapping f = spec.fields().get(c.name());
    if (f == null) {
      String fallback = switch (c.name()) {
        case "grantee" -> sourceGrantee;
        case "platform_kind" -> platformKind;
        default -> null;
      };
      if (fallback == null) {
        return "CAST(NULL AS " + c.type().duckdbType() + ")";
      }
      params.add(fallback);
      return "CAST(? AS VARCHAR)";
    }
    if (f instanceof FieldMapping.Constant k) {
      params.add(k.value());
      return typed(c.type(), "CAST(? AS VARCHAR)", null);
    }
    if (f instanceof FieldMapping.FromColumn col) {
      return typed(c.type(), file.apply(col.column()), col.format());
    }
    FieldMapping.ValueMap vm = (FieldMapping.ValueMap) f;
    StringBuilder s = new StringBuilder("CASE ").append(file.apply(vm.column()));
    for (Map.Entry<String, String> e : vm.values().entrySet()) {
      s.append(" WHEN CAST(? AS VARCHAR) THEN CAST(? AS VARCHAR)");
      params.add(e.getKey());
      params.add(e.getValue());
    }
    return s.append(" END").toString();
  }

  /** SQL turning the text {@code raw} into {@code type}; unparseable text becomes NULL (and fails a check). */
  static String typed(ColumnType type, String raw, String format) {
    return switch (type) {
      case STRING -> raw;
      case INTEGER -> "try_cast(" + raw + " AS BIGINT)";
      case DOUBLE -> "try_cast(" + raw + " AS DOUBLE)";
      case DECIMAL -> "try_cast(" + raw + " AS DECIMAL(18,2))";
      case TIMESTAMP -> timestamp(raw, format);
      case DATE -> "CAST(" + timestamp(raw, format) + " AS DATE)";
      case STRING_MAP -> throw new IllegalArgumentException("maps are not mapped from one column");
    };
  }

  private static String timestamp(String raw, String format) {
    if (format == null) {
      return "CASE WHEN regexp_full_match(" + raw + ", " + Sql.literal(ISO_TIMESTAMP) + ") THEN try_cast(" + raw + " AS TIMESTAMPTZ) END";
    }
    // Java's X accepts Z for UTC; strptime's %z wants a number
    String text = JavaDatePattern.readsOffset(format) ? "regexp_replace(" + raw + ", 'Z$', '+00:00')" : raw;
    // a translated pattern holds only strptime directives and the user's literal text, quoted
    return "CAST(try_strptime(" + text + ", " + Sql.literal(JavaDatePattern.toStrptime(format, null)) + ") AS TIMESTAMPTZ)";
  }

  private String attributesSql(Function<String, String> file, List<Object> params) {
    if (spec.attributes().isEmpty()) {
      return "CAST(NULL AS MAP(VARCHAR, VARCHAR))";
    }
    StringBuilder keys = new StringBuilder("MAP([");
    for (int i = 0; i < spec.attributes().size(); i++) {
      keys.append(i == 0 ? "" : ", ").append("CAST(? AS VARCHAR)");
      params.add(spec.attributes().get(i).key());
    }
    keys.append("], [");
    for (int i = 0; i < spec.attributes().size(); i++) {
      keys.append(i == 0 ? "" : ", ").append(file.apply(spec.attributes().get(i).column()));
    }
    return keys.append("])").toString();
  }

  /** The row checks, filters first, in the order a row is judged. */
  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    for (var e : spec.fields().entrySet()) {
      if (e.getValue() instanceof FieldMapping.ValueMap vm && vm.otherwise() == FieldMapping.Otherwise.SKIP) {
        checks.add(new Check(Sql.identifier(e.getKey() + "__unmapped"), e.getKey(), "unmapped " + e.getKey() + " value", Kind.FILTER));
      }
    }
    List<String> required = new ArrayList<>(MappingSpec.required(spec.table()));
    required.add("grantee");
    for (CanonicalColumn c : MappingSpec.targets(spec.table())) {
      FieldMapping f = spec.fields().get(c.name());
      String name = Sql.identifier(c.name());
      if (f instanceof FieldMapping.ValueMap vm && vm.otherwise() == FieldMapping.Otherwise.ERROR) {
        checks.add(new Check(Sql.identifier(c.name() + "__unmapped"), c.name(), "unmapped " + c.name() + " value", Kind.ERROR));
      }
      if (f != null && f.column() != null && c.type() != ColumnType.STRING) {
        checks.add(new Check(Sql.identifier(c.name() + "__raw") + " IS NOT NULL AND " + name + " IS NULL", c.name(), "unreadable " + c.name(), Kind.ERROR));
      }
      if (required.contains(c.name())) {
        checks.add(new Check(name + " IS NULL", c.name(), "missing " + c.name(), Kind.ERROR));
      }
    }
    if (spec.table() == CanonicalTable.COSTS) {
      checks.add(new Check("period_end < period_start", "period_end", "period_end before period_start", Kind.ERROR));
      StringBuilder in = new StringBuilder("category IS NOT NULL AND category NOT IN (");
      for (int i = 0; i < CanonicalTable.COST_CATEGORIES.size(); i++) {
        in.append(i == 0 ? "" : ", ").append(Sql.literal(CanonicalTable.COST_CATEGORIES.get(i)));
      }
      checks.add(new Check(in.append(")").toString(), "category", "unknown cost category", Kind.ERROR));
    }
    return checks;
  }
}
