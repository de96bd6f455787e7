package dev.spotlight.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectWriterTest {

  private static final long EVENTS = 12_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  private final SampleProjectWriter writer = new SampleProjectWriter();

  @Test
  void theSameSeedAndSizeWriteIdenticalBytes() throws IOException {
    writer.write(temp.resolve("a"), EVENTS, 7);
    writer.write(temp.resolve("b"), EVENTS, 7);

    Map<Path, byte[]> first = contents(temp.resolve("a"));
    Map<Path, byte[]> second = contents(temp.resolve("b"));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((file, bytes) -> assertThat(second.get(file)).as(file.toString()).isEqualTo(bytes));
  }

  @Test
  void anotherSeedWritesOtherData() throws IOException {
    writer.write(temp.resolve("a"), EVENTS, 7);
    writer.write(temp.resolve("b"), EVENTS, 8);

    Map<Path, byte[]> first = contents(temp.resolve("a"));
    Map<Path, byte[]> second = contents(temp.resolve("b"));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String export : List.of(RepairCafeExport.FILE, MatchedCrowdfundingExport.FILE, StreetReportExport.FILE,
        ToolLibraryExport.FILE, AreaDirectory.RELATIVE_PATH, CostsFile.FILE)) {
      assertThat(second.get(Path.of(export))).as(export).isNotEqualTo(first.get(Path.of(export)));
    }
  }

  @Test
  void theSummaryCountsTheEventsInTheFiles() throws IOException {
    Path project = temp.resolve("p");
    SampleSummary summary = writer.write(project, EVENTS, 3);

    Map<String, Long> counted = new TreeMap<>();
    long loans = 0;
    try (Stream<Path> files = Files.list(project.resolve(LendingAppExport.FOLDER))) {
      for (Path file : files.toList()) {
        loans += dataRows(file, ',').stream().filter(row -> Set.of("returned", "requested").contains(row.get(9))).count();
      }
    }
    counted.put(LendingAppExport.SOURCE, loans);
    List<List<String>> repairs = dataRows(project.resolve(RepairCafeExport.FILE), ',');
    counted.put(RepairCafeExport.ATTEMPTS_SOURCE, (long) repairs.size());
    counted.put(RepairCafeExport.FIXES_SOURCE, repairs.stream().filter(row -> row.get(7).equals("Fixed")).count());
    JsonNode pledges = JSON.readTree(project.resolve(MatchedCrowdfundingExport.FILE).toFile());
    counted.put(MatchedCrowdfundingExport.SOURCE, (long) pledges.size());
    List<JsonNode> reports = new ArrayList<>();
    for (String line : Files.readAllLines(project.resolve(StreetReportExport.FILE))) {
      reports.add(JSON.readTree(line));
    }
    counted.put(StreetReportExport.REPORTS_SOURCE, (long) reports.size());
    counted.put(StreetReportExport.FIXES_SOURCE,
        reports.stream().filter(report -> StreetReportExport.FIXED_STATES.contains(report.get("state").asText())).count());
    counted.put(ToolLibraryExport.SOURCE, dataRows(project.resolve(ToolLibraryExport.FILE), ';').stream()
        .filter(row -> Set.of("Returned", "On loan").contains(row.get(7))).count());

    assertThat(summary.eventsBySource()).containsExactlyInAnyOrderEntriesOf(counted);
    assertThat(summary.totalEvents()).isEqualTo(EVENTS);
    assertThat(summary.costRows()).isEqualTo(dataRows(project.resolve(CostsFile.FILE), ',').size());
  }

  @Test
  void everyCsvRowHasTheHeadersNumberOfFields() throws IOException {
    Path project = temp.resolve("p");
    writer.write(project, EVENTS, 11);

    List<Path> csvFiles;
    try (Stream<Path> files = Files.walk(project)) {
      csvFiles = files.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(csvFiles).hasSize(SampleCalendar.MONTHS + 4);
    for (Path file : csvFiles) {
      char delimiter = file.endsWith(ToolLibraryExport.FILE) ? ';' : ',';
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int fields = fields(lines.get(0), delimiter).size();
      for (int i = 1; i < lines.size(); i++) {
        assertThat(fields(lines.get(i), delimiter)).as(file + " line " + (i + 1)).hasSize(fields);
      }
    }
  }

  @Test
  void theAreasFileHasTheReferenceColumnsAndSixtyAreas() throws IOException {
    Path project = temp.resolve("p");
    writer.write(project, EVENTS, 5);

    List<String> lines = Files.readAllLines(project.resolve(AreaDirectory.RELATIVE_PATH));
    assertThat(lines.get(0)).isEqualTo("area_code,name,local_authority,population,deprivation_decile");
    List<List<String>> areas = dataRows(project.resolve(AreaDirectory.RELATIVE_PATH), ',');
    assertThat(areas).hasSize(60);
    assertThat(areas).allSatisfy(area -> {
      assertThat(area.get(0)).matches("E01\\d{6}");
      assertThat(Integer.parseInt(area.get(3))).isBetween(1200, 2500);
      assertThat(Integer.parseInt(area.get(4))).isBetween(1, 10);
    });
    assertThat(areas.stream().map(area -> area.get(0)).distinct()).hasSize(60);
  }

  @Test
  void theSummaryListsEveryFileWritten() throws IOException {
    Path project = temp.resolve("p");
    SampleSummary summary = writer.write(project, EVENTS, 5);

    assertThat(summary.projectDir()).isEqualTo(project);
    assertThat(summary.files()).containsExactlyInAnyOrderElementsOf(contents(project).keySet().stream()
        .map(project::resolve).toList());
  }

  @Test
  void theProjectFileDeclaresEverySourceAndGrantee() throws IOException {
    Path project = temp.resolve("p");
    SampleSummary summary = writer.write(project, EVENTS, 5);

    String projectFile = Files.readString(project.resolve("spotlight.yaml"));
    for (String source : summary.eventsBySource().keySet()) {
      assertThat(projectFile).contains("  - name: " + source + "\n");
    }
    assertThat(projectFile).contains("  - name: costs\n", "table: costs", "privacy: { min_cell: 5 }",
        "metrics: [metrics/impact.yaml]", "id: marsden-tool-library");
    assertThat(projectFile).doesNotContain("pseudonym_key_env");
  }

  @Test
  void peopleComeBackSoTheyAreFewerThanTheirEvents() throws IOException {
    Path project = temp.resolve("p");
    writer.write(project, EVENTS, 5);

    List<List<String>> repairs = dataRows(project.resolve(RepairCafeExport.FILE), ',');
    Set<String> visitors = new HashSet<>();
    repairs.forEach(row -> visitors.add(row.get(13)));
    assertThat(visitors.size()).isLessThan(repairs.size() * 3 / 4);
  }

  @Test
  void momentsAtMonthEdgesAreInTheExports() throws IOException {
    Path project = temp.resolve("p");
    writer.write(project, 20_000, 42);

    assertThat(Files.readString(project.resolve(MatchedCrowdfundingExport.FILE)))
        .contains("\"pledged_at\":\"2026-09-30T23:30:00Z\"", "\"pledged_at\":\"2026-10-31T23:59:00Z\"");
    assertThat(Files.readString(project.resolve(StreetReportExport.FILE)))
        .contains("\"created\":\"2026-10-01T00:15:00+01:00\"", "\"created\":\"2026-10-31T23:45:00+00:00\"");
    assertThat(Files.readString(project.resolve(LendingAppExport.FOLDER + "/loans-2026-10.csv")))
        .contains(",31/10/2026 23:30,");
    assertThat(Files.readString(project.resolve(LendingAppExport.FOLDER + "/loans-2026-09.csv")))
        .contains(",30/09/2026 23:59,");
  }

  @Test
  void anEmptySampleIsStillWellFormed() throws IOException {
    Path project = temp.resolve("p");
    SampleSummary summary = writer.write(project, 0, 1);

    assertThat(summary.totalEvents()).isZero();
    assertThat(JSON.readTree(project.resolve(MatchedCrowdfundingExport.FILE).toFile()).size()).isZero();
    assertThat(Files.size(project.resolve(StreetReportExport.FILE))).isZero();
  }

  @Test
  void aNegativeSizeIsRefused() {
    assertThatThrownBy(() -> writer.write(temp, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<Path, byte[]> contents(Path root) throws IOException {
    Map<Path, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(root.relativize(file), Files.readAllBytes(file));
      }
    }
    return contents;
  }

  /** The rows after the header, split into fields. */
  private static List<List<String>> dataRows(Path csv, char delimiter) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(line -> fields(line, delimiter)).toList();
  }

  /** One CSV line split into fields, honouring RFC 4180 quotes (the sample writes no line breaks inside fields). */
  private static List<String> fields(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote in: " + line).isFalse();
    fields.add(field.toString());
    return fields;
  }
}
