package dev.spotlight.cli.render;

import java.nio.file.Path;

/** Writes one output format of a report from its already-computed content. */
public interface Renderer {

  /**
   * Writes this format's files under {@code reportDir} (the {@code reports/PERIOD/} folder, created
   * if missing). Every file is written under a temporary name and moved into place.
   */
  void render(ReportContent content, Path reportDir);
}
