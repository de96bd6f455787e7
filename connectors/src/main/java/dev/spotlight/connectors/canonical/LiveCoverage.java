package dev.spotlight.connectors.canonical;

import java.time.YearMonth;
import java.util.List;

/**
 * What a live pull covered, for the store to replace only that part of a source's history.
 *
 * @param months the local months (in the project's time zone) the pull asked the server for whole
 * @param recordOf a DuckDB SQL expression over {@code event_id} giving the id of the event that dates
 *     the event's record, i.e. the one the server selects records by: Open311's {@code 42:fixed} belongs
 *     to request {@code 42}, created in the month the server was asked for. Null when every event dates
 *     itself.
 */
public record LiveCoverage(List<YearMonth> months, String recordOf) {

  public LiveCoverage {
    months = List.copyOf(months);
  }
}
