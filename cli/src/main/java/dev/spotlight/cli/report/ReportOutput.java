package dev.spotlight.cli.report;

import java.nio.file.Path;
import java.util.List;

/** Where a report went and what it wrote. */
public record ReportOutput(Path dir, List<Path> files) {}
