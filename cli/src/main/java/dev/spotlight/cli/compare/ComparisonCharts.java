package dev.spotlight.cli.compare;

import dev.spotlight.cli.render.CompareContent;
import java.nio.file.Path;
import java.util.List;

/**
 * The hook through which {@code compare} draws its picture files (grantee bars, the funnel plot of
 * cost per outcome) beside its csv, json and xlsx. The workbook carries native charts of its own.
 */
@FunctionalInterface
public interface ComparisonCharts {

  /** Draws nothing: the comparison's files are then the csv, the json and the workbook. */
  ComparisonCharts NONE = (content, folder) -> List.of();

  /**
   * @param folder the period's report folder, {@code reports/PERIOD/}
   * @return the files written
   */
  List<Path> render(CompareContent content, Path folder);
}
