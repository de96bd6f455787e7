package dev.spotlight.cli.commands;

import static dev.spotlight.cli.Cli.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir
  Path temp;

  private InitProject project;

  @BeforeEach
  void init() {
    project = InitProject.create(temp.resolve("my-report"));
  }

  @Test
  void theInitProjectIsValid() {
    Cli.Result r = Cli.run("validate", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("ok: My platform impact report — 1 sources, 3 metrics, template monthly-impact\n");
  }

  @Test
  void quietPrintsNothingWhenAllIsWell() {
    Cli.Result r = Cli.run("validate", "-q", "-p", project.file());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aMisspeltColumnInAMetricsWhereIsAnErrorAtItsColumnWithAHint() {
    project.edit(project.metrics(), "where: event_type = 'share.completed'",
        "where: event_type = 'share.completed' and partcipant is not null");

    assertFailed(Cli.run("validate", "-p", project.file()), 3,
        project.metrics() + ":13:47: unknown column 'partcipant' in the activity table (did you mean 'participant'?)");
  }

  @Test
  void aMisspeltColumnInAQuotedWhereIsLocatedInsideTheQuotes() {
    project.edit(project.metrics(), "where: event_type = 'share.completed'", "where: \"evnt_type = 'share.completed'\"");

    assertFailed(Cli.run("validate", "-p", project.file()), 3,
        project.metrics() + ":13:13: unknown column 'evnt_type' in the activity table (did you mean 'event_type'?)");
  }

  @Test
  void twoIndependentMistakesGiveTwoErrorLines() {
    project.edit(project.yaml(), "timezone: Europe/London", "timezon: Europe/London")
        .edit(project.yaml(), "currency: GBP", "currency: GPB");

    assertFailed(Cli.run("validate", "-p", project.file()), 3,
        project.yaml() + ":3:1: unknown key 'timezon' in the project file (did you mean 'timezone'?)",
        project.yaml() + ":4:11: unknown currency 'GPB' (use an ISO 4217 code such as GBP, EUR, USD)");
  }

  @Test
  void mistakesInTwoMetricsAreBothReported() {
    project.edit(project.metrics(), "of: participant", "of: partcipant")
        .edit(project.metrics(), "type: count\n", "type: cuont\n");

    Cli.Result r = Cli.run("validate", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("spotlight: error: " + project.metrics() + ":7:9: unknown column 'partcipant'"))
        .anySatisfy(l -> assertThat(l).startsWith("spotlight: error: " + project.metrics() + ":12:").contains("'cuont'"));
  }

  @Test
  void aBrokenReportTemplateIsReportedAtItsLine() throws IOException {
    project.edit(project.yaml(), "template: monthly-impact", "template: board.yaml");
    Files.writeString(project.dir().resolve("board.yaml"), "sections:\n  - id: people\n    by: grante\n");

    assertFailed(Cli.run("validate", "-p", project.file()), 3,
        project.dir().resolve("board.yaml") + ":3:9: unknown dimension 'grante' (did you mean 'grantee'?)");
  }

  @Test
  void aMissingProjectFileIsExitThree() {
    Path missing = temp.resolve("elsewhere.yaml");

    assertFailed(Cli.run("validate", "-p", missing.toString()), 3,
        missing + ": project file not found (run spotlight init, or pass -p path/to/spotlight.yaml)");
  }

  @Test
  void anUnsetVariableInTheProjectFileIsExitThree() {
    project.edit(project.yaml(), "name: My platform impact report", "name: ${ORG} impact report");

    assertFailed(Cli.run("validate", "-p", project.file()), 3,
        project.yaml() + ":2:7: environment variable 'ORG' is not set (export ORG=... before running spotlight)");
  }

  @Test
  void validateReadsNoDataSoAMappingToAMissingColumnPasses() {
    project.edit(project.yaml(), "area_code: lsoa", "area_code: lsao");

    Cli.Result r = Cli.run("validate", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(project.dir().resolve(".spotlight")).doesNotExist();
  }
}
