package dev.spotlight.connectors.mapped;

import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalColumn;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.common.store.ColumnType;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlNode;
import dev.spotlight.common.yaml.YamlScalar;
import dev.spotlight.common.yaml.YamlSeq;
import dev.spotlight.connectors.canonical.StagingTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code mapping:} of a mapped source: one {@link FieldMapping} per canonical column it fills. */
public record MappingSpec(CanonicalTable table, Map<String, FieldMapping> fields, List<Attribute> attributes) {

  /** A string attribute kept in the {@code attributes} map: its key and the column it comes from. */
  public record Attribute(String key, String column) {}

  private static final Set<String> NOT_MAPPABLE = Set.of("origin", "origin_row", "attributes");
  private static final Set<String> FIELD_KEYS = Set.of("column", "format", "value", "values", "otherwise");

  /** The canonical columns of {@code table} a mapping may fill. */
  public static List<CanonicalColumn> targets(CanonicalTable table) {
    return StagingTables.columns(table).stream().filter(c -> !NOT_MAPPABLE.contains(c.name())).toList();
  }

  /** The columns every row needs, other than grantee (which the source may give). */
  public static List<String> required(CanonicalTable table) {
    return table == CanonicalTable.ACTIVITY
        ? List.of("event_id", "event_type", "occurred_at")
        : List.of("cost_id", "period_start", "period_end", "amount");
  }

  static MappingSpec parse(YamlMap mapping, CanonicalTable table, Problems problems) {
    List<CanonicalColumn> targets = targets(table);
    List<String> names = new ArrayList<>(targets.stream().map(CanonicalColumn::name).toList());
    if (table == CanonicalTable.ACTIVITY) {
      names.add("attributes");
    }
    Map<String, FieldMapping> fields = new LinkedHashMap<>();
    List<Attribute> attributes = new ArrayList<>();
    // a field that is mapped but wrongly gets its own error, not also "mapping must fill"
    java.util.Set<String> mentioned = new java.util.HashSet<>();
    for (var entry : mapping.entries().entrySet()) {
      String target = entry.getKey();
      if (!names.contains(target)) {
        String hint = DidYouMean.closest(target, names).map(c -> "did you mean '" + c + "'?")
            .orElse(table.tableName() + " columns are: " + String.join(", ", names));
        problems.add(mapping.keyLocation(target), "unknown " + table.tableName() + " column '" + target + "' in mapping", hint);
        continue;
      }
      mentioned.add(target);
      try {
        if (target.equals("attributes")) {
          attributes.addAll(attributes(entry.getValue()));
        } else {
          CanonicalColumn column = targets.stream().filter(c -> c.name().equals(target)).findFirst().orElseThrow();
          fields.put(target, field(target, column.type(), entry.getValue()));
        }
      } catch (SpotlightException e) {
        problems.addAll(e);
      }
    }
    for (String need : required(table)) {
      if (!mentioned.contains(need)) {
        problems.add(mapping.location(), "mapping must fill '" + need + "'", "every " + table.tableName() + " row needs " + String.join(", ", required(table)));
      }
    }
    return new MappingSpec(table, fields, attributes);
  }

  private static FieldMapping field(String target, ColumnType type, YamlNode node) {
    if (node instanceof YamlScalar s) {
      return new FieldMapping.FromColumn(s.text(), null, s.location());
    }
    YamlMap m = YamlMap.asMap(node, target);
    m.checkKeys(FIELD_KEYS, "the mapping of '" + target + "'");
    if (m.has("value")) {
      if (m.has("column")) {
        throw SpotlightException.definition(m.location(), "'" + target + "' has both value: and column:", "use value: for a constant or column: to read a column");
      }
      YamlScalar v = m.optScalar("value").orElseThrow();
      checkConstant(target, type, v);
      return new FieldMapping.Constant(v.text(), v.location());
    }
    String column = m.requireString("column", "the mapping of '" + target + "'");
    String format = m.optString("format").orElse(null);
    if (format != null) {
      if (type != ColumnType.DATE && type != ColumnType.TIMESTAMP) {
        throw SpotlightException.definition(m.locationOf("format"), "format: applies only to dates and times, not to '" + target + "'", null);
      }
      JavaDatePattern.toStrptime(format, m.locationOf("format"));
    }
    if (m.has("values")) {
      if (type != ColumnType.STRING) {
        throw SpotlightException.definition(m.locationOf("values"), "values: applies only to text columns, not to '" + target + "'", null);
      }
      YamlMap values = m.optMap("values").orElseThrow();
      Map<String, String> map = new LinkedHashMap<>();
      for (var e : values.entries().entrySet()) {
        map.put(e.getKey(), YamlMap.scalarText(e.getValue(), e.getKey()));
      }
      String otherwise = m.string("otherwise", "error");
      FieldMapping.Otherwise o = switch (otherwise) {
        case "skip" -> FieldMapping.Otherwise.SKIP;
        case "error" -> FieldMapping.Otherwise.ERROR;
        default -> throw SpotlightException.definition(m.locationOf("otherwise"), "otherwise must be skip or error, not '" + otherwise + "'", null);
      };
      return new FieldMapping.ValueMap(column, map, o, m.location());
    }
    if (m.has("otherwise")) {
      throw SpotlightException.definition(m.locationOf("otherwise"), "otherwise: needs values:", null);
    }
    return new FieldMapping.FromColumn(column, format, m.location());
  }

  /** A constant must be a valid value of its column, or every row would silently get null. */
  private static void checkConstant(String target, ColumnType type, YamlScalar v) {
    String text = v.text().trim();
    boolean ok = switch (type) {
      case INTEGER -> text.matches("-?\\d+");
      case DOUBLE, DECIMAL -> text.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
      case DATE -> text.matches("\\d{4}-\\d{2}-\\d{2}");
      case TIMESTAMP -> text.matches(MappingSql.ISO_TIMESTAMP);
      default -> true;
    };
    if (!ok) {
      throw SpotlightException.definition(v.location(), "'" + v.text() + "' is not a valid value for " + target,
          type == ColumnType.DATE || type == ColumnType.TIMESTAMP ? "write an ISO-8601 date or date-time" : "write a number");
    }
  }

  private static List<Attribute> attributes(YamlNode node) {
    List<Attribute> out = new ArrayList<>();
    if (node instanceof YamlSeq seq) {
      for (YamlNode item : seq.items()) {
        String column = YamlMap.scalarText(item, "attributes");
        out.add(new Attribute(column, column));
      }
    } else if (node instanceof YamlMap m) {
      for (var e : m.entries().entrySet()) {
        out.add(new Attribute(e.getKey(), YamlMap.scalarText(e.getValue(), e.getKey())));
      }
    } else {
      out.add(new Attribute(YamlMap.scalarText(node, "attributes"), YamlMap.scalarText(node, "attributes")));
    }
    return out;
  }

  /** Every source column the mapping reads, in mapping order. */
  public List<String> sourceColumns() {
    List<String> cols = new ArrayList<>();
    for (FieldMapping f : fields.values()) {
      if (f.column() != null && !cols.contains(f.column())) {
        cols.add(f.column());
      }
    }
    for (Attribute a : attributes) {
      if (!cols.contains(a.column())) {
        cols.add(a.column());
      }
    }
    return cols;
  }
}
