package dev.spotlight.cli.render;

import dev.spotlight.cli.render.ReportContent.MetricInfo;
import dev.spotlight.cli.render.tidy.ExtraFields;
import dev.spotlight.metrics.result.ResultTable;
import java.util.List;
import java.util.Map;

/**
 * Everything a comparison renderer reads: the metrics by grantee for one period and, for each row
 * in row order, compare's added fields (rank, diff_from_median, per_1000_funding).
 *
 * @param granteeNames display names of grantees by id, shown instead of ids where the project gives one
 * @param minCell the project's small-number threshold, for the {@code <N} mark
 */
public record CompareContent(
    String projectName,
    String currency,
    Map<String, String> granteeNames,
    int minCell,
    String engine,
    String toolVersion,
    List<MetricInfo> metrics,
    ResultTable results,
    ExtraFields extra) {

  /** The grantee's display name. */
  public String granteeLabel(String id) {
    if (id == null) {
      return SectionTable.NONE;
    }
    return granteeNames == null ? id : granteeNames.getOrDefault(id, id);
  }
}
