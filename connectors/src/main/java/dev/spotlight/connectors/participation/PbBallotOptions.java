package dev.spotlight.connectors.participation;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import dev.spotlight.common.yaml.YamlMap;
import dev.spotlight.common.yaml.YamlScalar;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code options:} of a {@code pb-ballot} source, checked without reading data. */
record PbBallotOptions(
    List<String> files,
    Location filesAt,
    LocalDate date,
    String language,
    boolean languageGiven,
    Location languageAt,
    String currency,
    String budgetCategory,
    LocalDate budgetStart,
    LocalDate budgetEnd,
    List<YamlScalar> adopted,
    boolean skipBadRows) {

  static final List<String> KEYS = List.of("files", "date", "language", "currency", "budget_category", "budget_period", "adopted", "on_bad_row");
  static final List<String> CATEGORIES = List.of("grant", "staff", "in_kind", "match_public", "match_crowd", "other");

  /** Parses and checks {@code options}, recording every problem; returns null when any was found. */
  static PbBallotOptions parse(YamlMap options, Problems problems) {
    int before = problems.list().size();
    options.checkKeys(Set.copyOf(KEYS), "pb-ballot connector options", problems);
    List<String> files = List.of();
    LocalDate date = null;
    String language = "en";
    String currency = null;
    String category = "other";
    LocalDate start = null;
    LocalDate end = null;
    List<YamlScalar> adopted = List.of();
    boolean skip = false;
    try {
      files = options.stringList("files").stream().map(YamlScalar::text).toList();
      if (files.isEmpty()) {
        problems.add(options.location(), "pb-ballot source needs 'files:'", "a path or glob relative to the project file, e.g. exports/ballot-2024.csv");
      }
      if (!options.has("date")) {
        problems.add(options.location(), "pb-ballot source needs 'date:' (the ballot's voting day; the file states no dates)", "e.g. date: 2024-05-16");
      } else {
        date = isoDate(options, "date", problems);
      }
      if (options.has("language")) {
        language = options.optString("language").orElseThrow().trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!language.matches("[a-z]{2,3}(-[a-z0-9]+)?")) {
          problems.add(options.locationOf("language"), "language must be a language code such as en, is or pl, not '" + language + "'",
              "it picks the Name-xx column of the project table");
        }
      }
      if (options.has("currency")) {
        currency = options.optString("currency").orElseThrow().trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
          problems.add(options.locationOf("currency"), "currency must be an ISO 4217 code such as ISK, EUR or GBP, not '" + currency + "'", null);
        }
      }
      if (options.has("budget_category")) {
        category = options.optString("budget_category").orElseThrow().trim();
        if (!CATEGORIES.contains(category)) {
          problems.add(options.locationOf("budget_category"), "unknown budget_category '" + category + "'", DidYouMean.hint(category, CATEGORIES));
        }
      }
      if (options.has("budget_period")) {
        YamlMap period = options.optMap("budget_period").orElseThrow();
        period.checkKeys(Set.of("start", "end"), "budget_period", problems);
        if (!period.has("start") || !period.has("end")) {
          problems.add(period.location(), "budget_period needs both start and end", "e.g. budget_period: { start: 2024-01-01, end: 2025-12-31 }");
        } else {
          start = isoDate(period, "start", problems);
          end = isoDate(period, "end", problems);
          if (start != null && end != null && end.isBefore(start)) {
            problems.add(period.locationOf("end"), "budget_period ends (" + end + ") before it starts (" + start + ")", null);
          }
        }
      }
      adopted = options.stringList("adopted");
      for (YamlScalar a : adopted) {
        if (a.text().isBlank()) {
          problems.add(a.location(), "adopted lists an empty id", "list idea ids (88288) or idea URLs");
        }
      }
      String bad = options.string("on_bad_row", "error");
      if (!bad.equals("error") && !bad.equals("skip")) {
        problems.add(options.locationOf("on_bad_row"), "on_bad_row must be error or skip, not '" + bad + "'", null);
      }
      skip = bad.equals("skip");
    } catch (SpotlightException e) {
      problems.addAll(e);
    }
    if (problems.list().size() > before) {
      return null;
    }
    if (start == null) {
      start = date;
      end = date;
    }
    return new PbBallotOptions(files, options.locationOf("files"), date, language, options.has("language"), options.locationOf("language"),
        currency, category, start, end, adopted, skip);
  }

  private static LocalDate isoDate(YamlMap map, String key, Problems problems) {
    String text = map.optString(key).orElseThrow().trim();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(map.locationOf(key), key + " must be a date written YYYY-MM-DD, not '" + text + "'", null);
      return null;
    }
  }
}
