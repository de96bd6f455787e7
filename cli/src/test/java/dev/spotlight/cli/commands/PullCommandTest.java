package dev.spotlight.cli.commands;

import static dev.spotlight.cli.Cli.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullCommandTest {

  private static final String SUMMARY_HEADER =
      "source                          records       kept   skipped  filtered  seconds";

  @TempDir
  Path temp;

  private InitProject project;

  @BeforeEach
  void init() {
    project = InitProject.create(temp.resolve("my-report"));
  }

  @Test
  void pullsTheInitExportAndPrintsASummary() {
    Cli.Result r = Cli.run("pull", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.out().lines().toList().get(0)).isEqualTo(SUMMARY_HEADER);
    assertThat(r.out().lines().toList().get(1)).matches("activity {30}3 {10}3 {9}0 {9}0 +\\d+\\.\\d");
    assertThat(project.dir().resolve(".spotlight/store/activity/source=activity/month=2026-10")).isDirectory();
  }

  @Test
  void aMalformedDateStopsThePullAtItsLineAndColumn() {
    project.edit(project.export(), "2026-10-04 18:40", "04/10/2026 18:40");

    assertFailed(Cli.run("pull", "-p", project.file()), 4,
        project.export() + ":3:2: cannot read '04/10/2026 18:40' as occurred_at in column 'happened_at'"
            + " (fix the row, or set on_bad_row: skip to skip and count such rows)");
  }

  @Test
  void withOnBadRowSkipAMalformedDateIsSkippedAndCounted() {
    project.edit(project.export(), "2026-10-04 18:40", "04/10/2026 18:40")
        .edit(project.yaml(), "      platform_kind: sharing\n", "      platform_kind: sharing\n      on_bad_row: skip\n");

    Cli.Result r = Cli.run("pull", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList().get(1)).matches("activity {30}3 {10}2 {9}1 {9}0 +\\d+\\.\\d");
    assertThat(r.out().lines().toList().get(2)).startsWith("  skipped 1: ").contains("occurred_at");
  }

  @Test
  void aMappingNamingAColumnTheFileLacksIsBadInputWithAHint() {
    project.edit(project.yaml(), "area_code: lsoa", "area_code: lsao");

    assertFailed(Cli.run("pull", "-p", project.file()), 4,
        project.export() + ": the mapping names column 'lsao' but the file has no such column (did you mean 'lsoa'?)");
  }

  @Test
  void anUnknownSourceIsAUsageError() {
    assertFailed(Cli.run("pull", "-p", project.file(), "--source", "activty"), 2,
        "unknown source 'activty' (did you mean 'activity'?)");
  }

  @Test
  void withoutAKeyAnOwnerOnlyKeyFileIsCreatedOnceWithOneWarning() throws IOException {
    Path keyFile = project.dir().resolve(".spotlight/store/.pseudonym-key");

    Cli.Result first = Cli.run(Map.of(), "pull", "-p", project.file());

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.errLines()).containsExactly("spotlight: warning: no pseudonym key configured: created a random key in "
        + keyFile + " (keep it: pseudonyms change if it is lost; set SPOTLIGHT_PSEUDONYM_KEY to choose your own)");
    assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String key = Files.readString(keyFile);
    assertThat(key).matches("[0-9a-f]{64}\n");

    Cli.Result second = Cli.run(Map.of(), "pull", "-p", project.file());

    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(second.err()).isEmpty();
    assertThat(Files.readString(keyFile)).isEqualTo(key);
  }

  @Test
  void withTheKeyInTheEnvironmentNoKeyFileIsCreated() {
    Cli.Result r = Cli.run("pull", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(project.dir().resolve(".spotlight/store/.pseudonym-key")).doesNotExist();
  }

  @Test
  void aNamedKeyVariableThatIsUnsetIsExitThree() {
    project.edit(project.yaml(), "privacy:\n", "privacy:\n  pseudonym_key_env: MY_KEY\n");

    assertFailed(Cli.run("pull", "-p", project.file()), 3,
        project.yaml() + ":7:22: pseudonym key variable 'MY_KEY' is not set (export MY_KEY=<a secret string>)");
    assertThat(project.dir().resolve(".spotlight/store/.pseudonym-key")).doesNotExist();
  }

  @Test
  void aNamedKeyVariableThatIsSetIsUsedWithoutAWarning() {
    project.edit(project.yaml(), "privacy:\n", "privacy:\n  pseudonym_key_env: MY_KEY\n");

    Cli.Result r = Cli.run(Map.of("MY_KEY", "grantee secret"), "pull", "-p", project.file());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(project.dir().resolve(".spotlight/store/.pseudonym-key")).doesNotExist();
  }
}
