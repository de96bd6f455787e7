package dev.spotlight.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {

  /** Where {@code report: template:} was written in a project file. */
  private static final Location TEMPLATE_AT = new Location("spotlight.yaml", 30, 13);

  @TempDir
  Path project;

  @Test
  void theBuiltInMonthlyImpactTemplateLoads() {
    ReportTemplate t = TemplateLoader.load("monthly-impact", project, TEMPLATE_AT);

    assertThat(t.name()).isEqualTo("monthly-impact");
    assertThat(t.title()).isEqualTo("Monthly impact report");
    assertThat(t.source()).isEqualTo("template:monthly-impact");
    assertThat(t.sections())
        .extracting(ReportTemplate.Section::id, ReportTemplate.Section::title, ReportTemplate.Section::by,
            ReportTemplate.Section::months, ReportTemplate.Section::chart, ReportTemplate.Section::show)
        .containsExactly(
            tuple("trend", "12-month trend", "month", 12, "line", List.of("counts")),
            tuple("outcomes", "Outcomes by grantee", "grantee", 0, "bar", List.of("outcomes")),
            tuple("grantees", "By grantee", "grantee", 0, "bar", List.of("all")),
            tuple("inclusion", "Reach by deprivation decile", "deprivation_decile", 0, "bar", List.of("counts", "per_capita")),
            tuple("cost", "Cost per outcome", "grantee", 0, "bar", List.of("unit_costs")));
  }

  @Test
  void theFunderPortfolioTemplatePutsGranteesSideBySide() {
    ReportTemplate t = TemplateLoader.load("funder-portfolio", project, TEMPLATE_AT);

    assertThat(t.title()).isEqualTo("Funder portfolio report");
    assertThat(t.sections())
        .extracting(ReportTemplate.Section::id, ReportTemplate.Section::by, ReportTemplate.Section::show)
        .containsExactly(
            tuple("reach", "grantee", List.of("counts")),
            tuple("outcomes", "grantee", List.of("outcomes")),
            tuple("unit-costs", "grantee", List.of("unit_costs")),
            tuple("money", "grantee", List.of("money")),
            tuple("inclusion", "grantee", List.of("percent")),
            tuple("trend", "month", List.of("counts")));
  }

  @Test
  void theInclusionTemplateShowsReachByDecileAndLocalAuthorityPerCapita() {
    ReportTemplate t = TemplateLoader.load("inclusion", project, TEMPLATE_AT);

    assertThat(t.title()).isEqualTo("Inclusion report");
    assertThat(t.sections())
        .extracting(ReportTemplate.Section::id, ReportTemplate.Section::by, ReportTemplate.Section::show,
            ReportTemplate.Section::chartShow)
        .containsExactly(
            tuple("deciles", "deprivation_decile", List.of("counts", "per_capita"), List.of("per_capita")),
            tuple("local-authorities", "local_authority", List.of("counts", "per_capita"), List.of("per_capita")),
            tuple("deprived-share", "grantee", List.of("percent"), List.of("percent")),
            tuple("decile-trend", "month", List.of("per_capita"), List.of("per_capita")));
  }

  @Test
  void showTakesOneWordOrAList() throws IOException {
    write("mine.yaml", """
        sections:
          - { id: a, by: grantee, show: [counts, per_capita, counts], chart_show: per_capita }
          - { id: b, by: grantee, show: unit_costs }
        """);

    ReportTemplate t = TemplateLoader.load("mine.yaml", project, TEMPLATE_AT);

    assertThat(t.sections()).extracting(ReportTemplate.Section::show, ReportTemplate.Section::chartShow).containsExactly(
        tuple(List.of("counts", "per_capita"), List.of("per_capita")),
        tuple(List.of("unit_costs"), List.of("unit_costs")));
  }

  @Test
  void aTemplateFileIsFoundRelativeToTheProjectFolder() throws IOException {
    Path file = write("templates/board.yaml", """
        title: Board pack
        sections:
          - id: by-area
            title: Reach by local authority
            by: local_authority
            chart: bar
            show: counts
          - id: channels
            by: attributes.channel
        """);

    ReportTemplate t = TemplateLoader.load("templates/board.yaml", project, TEMPLATE_AT);

    assertThat(t.name()).isEqualTo("board");
    assertThat(t.title()).isEqualTo("Board pack");
    assertThat(t.source()).isEqualTo(file.toString());
    assertThat(t.sections()).containsExactly(
        new ReportTemplate.Section("by-area", "Reach by local authority", "local_authority", 0, "bar", List.of("counts"),
            List.of("counts")),
        new ReportTemplate.Section("channels", "channels", "attributes.channel", 0, "none", List.of("all"), List.of("all")));
  }

  @Test
  void aTemplateWithoutATitleHasNone() throws IOException {
    write("plain.yml", "sections:\n  - { id: months, by: month, months: 6, chart: line }\n");

    ReportTemplate t = TemplateLoader.load("plain.yml", project, TEMPLATE_AT);

    assertThat(t.name()).isEqualTo("plain");
    assertThat(t.title()).isNull();
    assertThat(t.sections()).containsExactly(new ReportTemplate.Section("months", "months", "month", 6, "line", List.of("all"), List.of("all")));
  }

  @Test
  void anUnknownTemplateNameIsAnErrorWhereTheProjectNamesIt() {
    SpotlightException e = catchThrowableOfType(SpotlightException.class,
        () -> TemplateLoader.load("quarterly-impact", project, TEMPLATE_AT));

    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems()).extracting(Problem::render).containsExactly(
        "spotlight.yaml:30:13: unknown template 'quarterly-impact' (use a built-in template (monthly-impact, funder-portfolio, inclusion) or a path to a template file)");
  }

  @Test
  void everyMistakeInATemplateIsReportedAtItsLineAndColumn() throws IOException {
    write("mine.yaml", """
        title: Mine
        sections:
          - id: people
            by: grante
          - id: trend
            by: month
            chart: pie
          - id: people
            by: grantee
          - id: areas
            by: area
            months: 3
        """);

    assertThat(errors("mine.yaml")).containsExactly(
        "mine.yaml:4:9: unknown dimension 'grante' (did you mean 'grantee'?)",
        "mine.yaml:7:12: unknown chart 'pie' (did you mean 'line'?)",
        "mine.yaml:8:9: section 'people' appears twice",
        "mine.yaml:12:13: months: applies only to sections by month");
  }

  @Test
  void unknownKeysAndShowValuesGetHints() throws IOException {
    write("mine.yaml", """
        title: Mine
        section:
          - id: a
        sections:
          - id: a
            by: month
            chrat: line
            show: moneys
          - id: b
            by: grantee
            show: [counts, outcome]
        """);

    assertThat(errors("mine.yaml")).containsExactly(
        "mine.yaml:2:1: unknown key 'section' in a report template (did you mean 'sections'?)",
        "mine.yaml:7:5: unknown key 'chrat' in a template section (did you mean 'chart'?)",
        "mine.yaml:8:11: unknown show 'moneys' (did you mean 'money'?)",
        "mine.yaml:11:20: unknown show 'outcome' (did you mean 'outcomes'?)");
  }

  @Test
  void monthsMustBeWithinTenYears() throws IOException {
    write("mine.yaml", "sections:\n  - id: trend\n    by: month\n    months: 121\n");

    assertThat(errors("mine.yaml")).containsExactly("mine.yaml:4:13: months must be between 0 and 120");
  }

  @Test
  void aSectionNeedsAnIdAndADimension() throws IOException {
    write("mine.yaml", "sections:\n  - id: trend\n    chart: line\n");

    assertThat(errors("mine.yaml")).containsExactly("mine.yaml:2:5: missing required key 'by' in section 'trend'");
  }

  @Test
  void aTemplateNeedsAtLeastOneSection() throws IOException {
    write("mine.yaml", "title: Nothing to show\n");

    assertThat(errors("mine.yaml")).containsExactly("mine.yaml:1:1: a report template needs at least one section");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** The problems as the CLI prints them, with the temp folder left out. */
  private List<String> errors(String template) {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> TemplateLoader.load(template, project, TEMPLATE_AT));
    assertThat(e).as("loading " + template + " should fail").isNotNull();
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    return e.problems().stream().map(Problem::render).map(s -> s.replace(project + "/", "")).toList();
  }
}
