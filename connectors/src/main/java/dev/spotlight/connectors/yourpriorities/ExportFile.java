package dev.spotlight.connectors.yourpriorities;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One export workbook as read: its posts and points sheets and where the columns Spotlight reads are. */
record ExportFile(
    Path path, ExportSheet posts, Map<String, Optional<String>> postColumns, ExportSheet points, Map<String, Optional<String>> pointColumns) {

  /** Finds both sheets and their columns (a missing sheet or required column is bad input) and streams them to scratch CSVs. */
  static ExportFile open(Connection c, Path xlsx, YourPrioritiesOptions options, Path scratchDir, int index) {
    ExportSheet posts = ExportSheet.open(c, xlsx, options.postsSheet(), "Posts", scratchDir.resolve("yp-posts-" + index + ".csv"));
    Map<String, Optional<String>> postColumns = new LinkedHashMap<>(ExportColumns.find(posts, ExportColumns.POSTS, ExportColumns.POSTS_REQUIRED, xlsx));
    postColumns.put("area", options.areaColumn() == null ? Optional.empty() : Optional.of(posts.require(options.areaColumn(), xlsx)));
    ExportSheet points = ExportSheet.open(c, xlsx, options.pointsSheet(), "Points", scratchDir.resolve("yp-points-" + index + ".csv"));
    return new ExportFile(xlsx, posts, postColumns, points,
        ExportColumns.find(points, ExportColumns.POINTS, ExportColumns.POINTS_REQUIRED, xlsx));
  }
}
