package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  @TempDir
  Path temp;

  private InitProject project;
  private Path reports;

  @BeforeEach
  void initAndPull() {
    project = InitProject.create(temp.resolve("my-report"));
    reports = project.dir().resolve("reports");
    Cli.Result pull = Cli.run("pull", "-p", project.file());
    assertThat(pull.exit()).as(pull.toString()).isZero();
  }

  @Test
  void writesTheReportFolderForThePeriod() throws IOException {
    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    Path folder = reports.resolve("2026-10");
    assertThat(r.out()).isEqualTo("report written to " + folder + "\n"
        + "  impact-2026-10.xlsx\n"
        + "  charts/trend.png\n"
        + "  charts/trend.svg\n"
        + "  charts/grantees.png\n"
        + "  charts/grantees.svg\n"
        + "  charts/inclusion.png\n"
        + "  charts/inclusion.svg\n"
        + "  metrics.csv\n"
        + "  metrics.json\n"
        + "  manifest.json\n");
    assertThat(startOf(folder.resolve("impact-2026-10.xlsx"))).isEqualTo(ZIP);
    for (String chart : List.of("trend", "grantees", "inclusion")) {
      assertThat(startOf(folder.resolve("charts/" + chart + ".png"))).as(chart).isEqualTo(PNG);
      assertThat(Files.readString(folder.resolve("charts/" + chart + ".svg"))).as(chart).startsWith("<?xml").contains("<svg ");
    }
    assertThat(Files.readString(folder.resolve("metrics.csv"))).startsWith("metric,period,");
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    assertThat(metrics.get("project").asText()).isEqualTo("My platform impact report");
    assertThat(metrics.get("period").get("label").asText()).isEqualTo("2026-10");
    assertThat(metrics.get("results")).isNotEmpty();
    assertThat(new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).isObject()).isTrue();
    assertThat(entries(reports)).containsExactly("2026-10");
  }

  @Test
  void aMistakeInTheProjectsOwnTemplateIsExit3AtItsLineAndColumn() throws IOException {
    Path template = project.dir().resolve("templates/board.yaml");
    Files.createDirectories(template.getParent());
    Files.writeString(template, "title: Board pack\nsections:\n  - id: areas\n    by: local_authority\n    chart: pie\n");
    project.edit(project.yaml(), "template: monthly-impact", "template: templates/board.yaml");

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10");

    Cli.assertFailed(r, 3, template + ":5:12: unknown chart 'pie' (did you mean 'line'?)");
    assertThat(reports).doesNotExist();
  }

  @Test
  void aProjectsOwnTemplateChoosesTheSheetsAndCharts() throws IOException {
    Path template = project.dir().resolve("templates/board.yaml");
    Files.createDirectories(template.getParent());
    Files.writeString(template, "title: Board pack\nsections:\n  - id: areas\n    title: Reach by local authority\n"
        + "    by: local_authority\n    chart: bar\n    show: counts\n");
    project.edit(project.yaml(), "template: monthly-impact", "template: templates/board.yaml");

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).as(r.toString()).isZero();
    Path folder = reports.resolve("2026-10");
    assertThat(r.out()).contains("  charts/areas.png\n").doesNotContain("trend");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(folder.resolve("impact-2026-10.xlsx")))) {
      List<String> names = new java.util.ArrayList<>();
      book.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsExactly("Summary", "Reach by local authority", "Data quality", "Method");
      assertThat(book.getSheet("Reach by local authority").getDrawingPatriarch().getCharts()).hasSize(1);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      // the starter project has two counts and a percent share: no outcome counts, unit costs, money or per-capita metrics
      "monthly-impact   | 12-month trend, By grantee, Reach by deprivation decile",
      "funder-portfolio | Reach by grantee, Inclusion by grantee, Portfolio 12-month trend",
      "inclusion        | Reach by deprivation decile, Reach by local authority, Deprived-area share by grantee"})
  void everyBuiltInTemplateReportsTheSectionsThisProjectHasMetricsFor(String template, String sections) throws IOException {
    project.edit(project.yaml(), "template: monthly-impact", "template: " + template);

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-10");

    assertThat(r.exit()).as(r.toString()).isZero();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        Files.newInputStream(reports.resolve("2026-10/impact-2026-10.xlsx")))) {
      List<String> names = new java.util.ArrayList<>();
      book.forEach(sheet -> names.add(sheet.getSheetName()));
      List<String> expected = new java.util.ArrayList<>(List.of("Summary"));
      expected.addAll(Arrays.asList(sections.split(", ")));
      expected.addAll(List.of("Data quality", "Method"));
      assertThat(names).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void onSparkTheReportHasTheSameNumbersAndTheManifestNamesTheEngine() throws IOException {
    Cli.Result duck = Cli.run("report", "-p", project.file(), "--period", "2026-10");
    assertThat(duck.exit()).as(duck.toString()).isZero();
    JsonNode duckMetrics = new ObjectMapper().readTree(reports.resolve("2026-10/metrics.json").toFile());

    Cli.Result spark = Cli.run("report", "-p", project.file(), "--period", "2026-10", "--engine", "spark");
    assertThat(spark.exit()).as(spark.toString()).isZero();
    assertThat(spark.err()).isEmpty();
    JsonNode sparkMetrics = new ObjectMapper().readTree(reports.resolve("2026-10/metrics.json").toFile());
    JsonNode manifest = new ObjectMapper().readTree(reports.resolve("2026-10/manifest.json").toFile());
    assertThat(manifest.get("engine").asText()).isEqualTo("spark");
    assertThat(manifest.get("engine_version").asText()).isEqualTo("spark 4.2.0");
    assertThat(sparkMetrics.get("engine").asText()).isEqualTo("spark");
    JsonNode d = duckMetrics.get("results");
    JsonNode s = sparkMetrics.get("results");
    assertThat(s.size()).isEqualTo(d.size()).isPositive();
    for (int i = 0; i < d.size(); i++) {
      assertThat(s.get(i).get("metric")).isEqualTo(d.get(i).get("metric"));
      assertThat(s.get(i).get("dims")).isEqualTo(d.get(i).get("dims"));
      assertThat(s.get(i).get("status")).isEqualTo(d.get(i).get("status"));
      if (d.get(i).get("value").isNumber()) {
        double want = d.get(i).get("value").asDouble();
        assertThat(s.get(i).get("value").asDouble()).as(d.get(i).toString()).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want))));
      } else {
        assertThat(s.get(i).get("value")).as(d.get(i).toString()).isEqualTo(d.get(i).get("value"));
      }
    }
  }

  @Test
  void aSecondRunReplacesTheFolderAndLeavesNoTemporaryFolders() throws IOException {
    assertThat(Cli.run("report", "-p", project.file(), "--period", "2026-10").exit()).isZero();
    Path folder = reports.resolve("2026-10");
    Files.writeString(folder.resolve("left-over.txt"), "from an older run");
    List<String> first = tree(folder);

    Cli.Result again = Cli.run("report", "-p", project.file(), "--period", "2026-10");

    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(folder.resolve("left-over.txt")).doesNotExist();
    assertThat(tree(folder)).containsExactlyElementsOf(first.stream().filter(f -> !f.equals("left-over.txt")).toList());
    assertThat(entries(reports)).containsExactly("2026-10");
  }

  @Test
  void anotherPeriodGetsItsOwnFolderBesideTheFirst() throws IOException {
    assertThat(Cli.run("report", "-p", project.file(), "--period", "2026-10").exit()).isZero();

    Cli.Result r = Cli.run("report", "-p", project.file(), "--period", "2026-Q4");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(entries(reports)).containsExactly("2026-10", "2026-Q4");
    assertThat(reports.resolve("2026-Q4/impact-2026-Q4.xlsx")).isRegularFile();
  }

  private static byte[] startOf(Path file) throws IOException {
    return Arrays.copyOf(Files.readAllBytes(file), 4);
  }

  /** The names in a folder, hidden ones included, sorted. */
  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every file under a folder, relative and sorted. */
  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
