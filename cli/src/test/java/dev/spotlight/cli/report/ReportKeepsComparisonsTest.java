package dev.spotlight.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportKeepsComparisonsTest {

  @TempDir Path dir;

  @Test
  void aNewReportKeepsTheCompareFilesOfItsPeriod() throws Exception {
    InitProject p = InitProject.create(dir);
    assertThat(Cli.run("pull", "-p", p.file()).exit()).isZero();
    assertThat(Cli.run("compare", "-p", p.file(), "--period", "2026-10", "--format", "csv").exit()).isZero();
    Path folder = dir.resolve("reports/2026-10");
    String before = Files.readString(folder.resolve("compare-2026-10.csv"));
    assertThat(Cli.run("report", "-p", p.file(), "--period", "2026-10", "-q").exit()).isZero();
    assertThat(folder.resolve("compare-2026-10.csv")).hasContent(before);
    assertThat(folder.resolve("compare-2026-10.json")).exists();
    assertThat(folder.resolve("compare-charts/participants.png")).exists();
    assertThat(folder.resolve("compare-charts/participants.svg")).exists();
    assertThat(folder.resolve("impact-2026-10.xlsx")).exists();
  }
}
