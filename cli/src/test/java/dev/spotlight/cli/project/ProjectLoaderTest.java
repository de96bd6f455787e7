package dev.spotlight.cli.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Problem;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.connectors.Connectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

  /** A mapped source that passes every check, to put next to the thing a test breaks. */
  private static final String LOANS = """
        - name: loans
          connector: mapped
          grantee: kirklees-sharing
          options:
            files: exports/loans.csv
            mapping: { event_id: loan_id, occurred_at: returned_at, event_type: { value: share.completed } }
      """;

  @TempDir
  Path temp;

  @Test
  void leftOutSettingsTakeTheirDefaults() throws IOException {
    ProjectFile p = load("name: Minimal\n");

    assertThat(p.name()).isEqualTo("Minimal");
    assertThat(p.timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(p.currency()).isEqualTo("GBP");
    assertThat(p.store()).isEqualTo(temp.resolve(".spotlight/store"));
    assertThat(p.reports()).isEqualTo(temp.resolve("reports"));
    assertThat(p.privacy().minCell()).isEqualTo(5);
    assertThat(p.privacy().rounding()).isZero();
    assertThat(p.privacy().pseudonymKeyEnv()).isNull();
    assertThat(p.report().template()).isEqualTo("monthly-impact");
    assertThat(p.report().metrics()).isEmpty();
    assertThat(p.sources()).isEmpty();
    assertThat(p.metrics()).isEmpty();
    assertThat(p.areas()).isNull();
    assertThat(p.fx()).isEmpty();
  }

  @Test
  void writtenRelativePathsResolveAgainstTheProjectFolder() throws IOException {
    ProjectFile p = load("""
        name: Paths
        store: data/../data/store
        reports: ../shared-reports
        areas: reference/areas.csv
        metrics:
          - metrics/extra.yaml
          - catalog: core
        """);

    assertThat(p.dir()).isEqualTo(temp);
    assertThat(p.store()).isEqualTo(temp.resolve("data/store"));
    assertThat(p.reports()).isEqualTo(temp.getParent().resolve("shared-reports"));
    assertThat(p.areas()).isEqualTo(temp.resolve("reference/areas.csv"));
    assertThat(p.metrics()).extracting(ProjectFile.MetricFileRef::file, ProjectFile.MetricFileRef::catalog)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(temp.resolve("metrics/extra.yaml"), null),
            org.assertj.core.groups.Tuple.tuple(null, "core"));
  }

  @Test
  void writtenSettingsAreRead() throws IOException {
    ProjectFile p = load("""
        name: ShareLab Fund portfolio
        timezone: Europe/London
        currency: EUR
        privacy: { pseudonym_key_env: SHARELAB_KEY, min_cell: 10, rounding: 5 }
        fx: { USD: 0.79 }
        sources:
        """ + LOANS);

    assertThat(p.timezone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(p.currency()).isEqualTo("EUR");
    assertThat(p.privacy().pseudonymKeyEnv()).isEqualTo("SHARELAB_KEY");
    assertThat(p.privacy().minCell()).isEqualTo(10);
    assertThat(p.privacy().rounding()).isEqualTo(5);
    assertThat(p.fx()).containsExactly(Map.entry("USD", new java.math.BigDecimal("0.79")));
    assertThat(p.sources()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("loans");
      assertThat(s.connector()).isEqualTo("mapped");
      assertThat(s.grantee()).isEqualTo("kirklees-sharing");
      assertThat(s.projectDir()).isEqualTo(temp);
    });
  }

  @Test
  void minCellZeroTurnsSuppressionOff() throws IOException {
    assertThat(load("name: x\nprivacy:\n  min_cell: 0\n").privacy().minCell()).isZero();
  }

  @Test
  void environmentVariablesAreInterpolatedAnywhereInAString() throws IOException {
    ProjectFile p = load("name: ${ORG} portfolio\nstore: \"${DATA}/store\"\n", Map.of("ORG", "ShareLab", "DATA", "shared"));

    assertThat(p.name()).isEqualTo("ShareLab portfolio");
    assertThat(p.store()).isEqualTo(temp.resolve("shared/store"));
  }

  @Test
  void anUnsetVariableIsAnErrorAtTheDollarSign() {
    List<String> errors = errors("""
        name: Report for ${ORG}
        """);

    assertThat(errors).containsExactly(
        "spotlight.yaml:1:18: environment variable 'ORG' is not set (export ORG=... before running spotlight)");
  }

  @Test
  void anUnsetVariableInAQuotedStringIsAnErrorAtTheDollarSignNotTheQuote() {
    List<String> errors = errors("""
        name: x
        store: "${DATA}/store"
        """);

    assertThat(errors).containsExactly(
        "spotlight.yaml:2:9: environment variable 'DATA' is not set (export DATA=... before running spotlight)");
  }

  @Test
  void anUnsetVariableIsNeverAnEmptyString() {
    SpotlightException e = failure("name: x\nreports: ${OUT}/reports\n", Map.of("OTHER", "set"));

    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems()).extracting(Problem::message).containsExactly("environment variable 'OUT' is not set");
  }

  @Test
  void aMisspeltTopLevelKeyGetsADidYouMeanHint() {
    List<String> errors = errors("""
        name: x
        timezon: Europe/London
        """);

    assertThat(errors).containsExactly("spotlight.yaml:2:1: unknown key 'timezon' in the project file (did you mean 'timezone'?)");
  }

  @Test
  void aMisspeltPrivacyKeyGetsADidYouMeanHint() {
    List<String> errors = errors("""
        name: x
        privacy:
          min_cel: 3
        """);

    assertThat(errors).containsExactly("spotlight.yaml:3:3: unknown key 'min_cel' in privacy (did you mean 'min_cell'?)");
  }

  @Test
  void aMisspeltSourceKeyGetsADidYouMeanHint() {
    List<String> errors = errors("name: x\nsources:\n" + LOANS + "    outcome: { share.completed: item_reuse }\n");

    assertThat(errors).containsExactly("spotlight.yaml:9:5: unknown key 'outcome' in a source (did you mean 'outcomes'?)");
  }

  @Test
  void aNegativeMinCellIsAnError() {
    assertThat(errors("name: x\nprivacy:\n  min_cell: -1\n"))
        .containsExactly("spotlight.yaml:3:13: min_cell must be 0 (off) or more");
  }

  @Test
  void anUnknownTimeZoneIsAnError() {
    assertThat(errors("name: x\ntimezone: Europe/Londn\n"))
        .containsExactly("spotlight.yaml:2:11: unknown time zone 'Europe/Londn' (use an IANA name such as Europe/London)");
  }

  @Test
  void aCurrencyMustBeAnUpperCaseIsoCode() {
    assertThat(errors("name: x\ncurrency: gbp\n"))
        .containsExactly("spotlight.yaml:2:11: currency must be an ISO 4217 code like GBP, not 'gbp'");
  }

  @Test
  void anUnknownCurrencyCodeIsAnError() {
    assertThat(errors("name: x\ncurrency: GPB\n"))
        .containsExactly("spotlight.yaml:2:11: unknown currency 'GPB' (use an ISO 4217 code such as GBP, EUR, USD)");
  }

  @Test
  void theNameIsRequired() {
    assertThat(errors("timezone: UTC\n")).containsExactly("spotlight.yaml:1:1: missing required key 'name' in the project file");
  }

  @Test
  void aSourceNameMustBeLowerCaseLettersDigitsAndDashes() {
    List<String> errors = errors("name: x\nsources:\n" + LOANS.replace("name: loans", "name: Loans_2026"));

    assertThat(errors).containsExactly(
        "spotlight.yaml:3:11: source name 'Loans_2026' must match [a-z0-9][a-z0-9-]* (use lower-case letters, digits and dashes)");
  }

  @Test
  void aSourceNameUsedTwiceIsAnErrorAtTheSecond() {
    List<String> errors = errors("name: x\nsources:\n" + LOANS + LOANS);

    assertThat(errors).containsExactly("spotlight.yaml:9:11: source 'loans' is defined twice (source names must be unique)");
  }

  @Test
  void granteeOrgIdsReachConnectorsComparedWithoutCase() throws IOException {
    ProjectFile p = load("""
        name: x
        grantees:
          - id: kirklees-sharing
            org_ids: [GB-CHC-1234567, ' 360G-Local-7 ']
          - id: no-ids
        """);

    assertThat(p.grantees().get(0).orgIds()).containsExactly("GB-CHC-1234567", "360G-Local-7");
    assertThat(p.granteesByOrgId().granteeOf("gb-chc-1234567")).isEqualTo("kirklees-sharing");
    assertThat(p.granteesByOrgId().granteeOf("360G-LOCAL-7")).isEqualTo("kirklees-sharing");
    assertThat(p.granteesByOrgId().granteeOf("GB-CHC-7654321")).isNull();
  }

  @Test
  void anOrgIdUnderTwoGranteesIsAnErrorAtTheSecond() {
    List<String> errors = errors("""
        name: x
        grantees:
          - { id: a, org_ids: [GB-CHC-1] }
          - { id: b, org_ids: [gb-chc-1] }
        """);

    assertThat(errors).containsExactly("spotlight.yaml:4:24: organisation id 'gb-chc-1' is listed under grantee 'a' and 'b'"
        + " (an organisation id can mean one grantee only; ids are compared without case)");
  }

  @Test
  void aMisspeltConnectorGetsADidYouMeanHint() {
    List<String> errors = errors("name: x\nsources:\n" + LOANS.replace("connector: mapped", "connector: maped"));

    assertThat(errors).singleElement().asString()
        .startsWith("spotlight.yaml:4:16: unknown connector 'maped' (did you mean 'mapped'?")
        .contains("spotlight sources list");
  }

  @Test
  void anUnknownConnectorListsTheInstalledOnes() {
    List<String> errors = errors("name: x\nsources:\n" + LOANS.replace("connector: mapped", "connector: no-such-platform"));

    assertThat(errors).singleElement().asString()
        .isEqualTo("spotlight.yaml:4:16: unknown connector 'no-such-platform' (expected one of: "
            + String.join(", ", dev.spotlight.connectors.Connectors.installed().all().stream().map(dev.spotlight.connectors.Connector::id).toList())
            + "; spotlight sources list shows every connector)");
  }

  @Test
  void aMappedSourceNeedsFilesAndAMapping() {
    List<String> errors = errors("""
        name: x
        sources:
          - name: loans
            connector: mapped
            grantee: kirklees-sharing
            options:
              platform_kind: sharing
        """);

    assertThat(errors).containsExactly(
        "spotlight.yaml:7:7: mapped source needs 'files:' (a path or glob relative to the project file, e.g. exports/*.csv)",
        "spotlight.yaml:7:7: mapped source needs 'mapping:' (map at least event_id, event_type and occurred_at)");
  }

  @Test
  void aMappedSourceWithoutAnyOptionsNeedsFilesAndAMappingToo() {
    List<String> errors = errors("""
        name: x
        sources:
          - name: loans
            connector: mapped
            grantee: kirklees-sharing
        """);

    assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("spotlight.yaml:3:"))
        .anySatisfy(e -> assertThat(e).contains("mapped source needs 'files:'"))
        .anySatisfy(e -> assertThat(e).contains("mapped source needs 'mapping:'"));
  }

  @Test
  void everyProblemIsReportedTogetherInFileOrder() {
    SpotlightException e = failure("""
        name: x
        timezon: Europe/London
        currency: GPB
        privacy: { min_cel: 3 }
        sources:
        """ + LOANS.replace("name: loans", "name: Loans") + LOANS.replace("connector: mapped", "connector: maped"), Map.of());

    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems()).hasSize(5);
    assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(2, 3, 4, 6, 13);
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "unknown key 'timezon' in the project file",
        "unknown currency 'GPB'",
        "unknown key 'min_cel' in privacy",
        "source name 'Loans' must match [a-z0-9][a-z0-9-]*",
        "unknown connector 'maped'");
  }

  @Test
  void aMissingFileIsADefinitionErrorNamingIt() {
    Path missing = temp.resolve("elsewhere/spotlight.yaml");

    SpotlightException e = catchThrowableOfType(SpotlightException.class,
        () -> new ProjectLoader(Map.of(), Connectors.installed()).load(missing));

    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    assertThat(e.problems()).extracting(Problem::render)
        .containsExactly(missing + ": project file not found (run spotlight init, or pass -p path/to/spotlight.yaml)");
  }

  private ProjectFile load(String yaml) throws IOException {
    return load(yaml, Map.of());
  }

  private ProjectFile load(String yaml, Map<String, String> env) throws IOException {
    Path file = temp.resolve("spotlight.yaml");
    Files.writeString(file, yaml);
    return new ProjectLoader(env, Connectors.installed()).load(file);
  }

  private SpotlightException failure(String yaml, Map<String, String> env) {
    SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> load(yaml, env));
    assertThat(e).as("loading should fail:\n" + yaml).isNotNull();
    return e;
  }

  /** The problems as the CLI would print them, with the temp folder left out of the file name. */
  private List<String> errors(String yaml) {
    SpotlightException e = failure(yaml, Map.of());
    assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    return e.problems().stream().map(Problem::render).map(s -> s.replace(temp + "/", "")).toList();
  }
}
