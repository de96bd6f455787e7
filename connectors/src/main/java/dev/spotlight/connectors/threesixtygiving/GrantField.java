package dev.spotlight.connectors.threesixtygiving;

import java.util.List;
import java.util.Locale;

/**
 * The parts of a 360Giving grant the connector reads: the NDJSON key it is staged under, where it
 * sits in the JSON package, and the standard's column title in flat CSV/XLSX files.
 */
enum GrantField {
  ID("id", "Identifier"),
  TITLE("title", "Title"),
  CURRENCY("currency", "Currency"),
  AMOUNT("amount", "Amount Awarded"),
  AWARD_DATE("award_date", "Award Date"),
  START_DATE("start_date", "Planned Dates:Start Date"),
  END_DATE("end_date", "Planned Dates:End Date"),
  DURATION("duration", "Planned Dates:Duration (months)"),
  RECIPIENT_ID("recipient_id", "Recipient Org:Identifier"),
  RECIPIENT_NAME("recipient_name", "Recipient Org:Name"),
  INDIVIDUAL_ID("individual_id", "Recipient Ind:Identifier"),
  FUNDER_ID("funder_id", "Funding Org:Identifier"),
  FUNDER_NAME("funder_name", "Funding Org:Name"),
  PROGRAMME("programme", "Grant Programme:Title"),
  GEO_CODE("geo_code", "Beneficiary Location:Geographic Code"),
  GEO_TYPE("geo_type", "Beneficiary Location:Geographic Code Type");

  /** The staged column name. */
  final String key;
  /** The standard's column title in flat files. */
  final String title;

  GrantField(String key, String title) {
    this.key = key;
    this.title = title;
  }

  static final List<GrantField> ALL = List.of(values());

  /**
   * A flat-file column title as compared: trimmed, lower case, single spaces, and the first item's
   * index left out ({@code Beneficiary Location:0:Geographic Code} is {@code beneficiary
   * location:geographic code}); other items ({@code :1:}) keep theirs and so match nothing.
   */
  static String normal(String title) {
    return title.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*:\\s*", ":").replace(":0:", ":");
  }

  /** The field a flat-file column title carries, or null. */
  static GrantField ofTitle(String title) {
    String n = normal(title);
    for (GrantField f : ALL) {
      if (normal(f.title).equals(n)) {
        return f;
      }
    }
    return null;
  }
}
