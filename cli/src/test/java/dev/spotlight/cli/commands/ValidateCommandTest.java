package dev.spotlight.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;

  @Test
  void reportsProjectFileMetricAndTemplateProblemsTogether() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "timezone: Europe/London", "timezon: Europe/London");
    p.edit(p.yaml(), "template: monthly-impact", "template: monthly-impakt");
    p.edit(p.metrics(), "of: participant", "of: partcipant");
    Cli.Result r = Cli.run("validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(3).allMatch(l -> l.startsWith("spotlight: error: "));
    assertThat(r.err()).contains("unknown key 'timezon'").contains("unknown column 'partcipant'").contains("unknown template 'monthly-impakt'");
  }

  @Test
  void aNamedPseudonymKeyVariableThatIsUnsetFailsValidation() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "privacy:", "privacy:\n  pseudonym_key_env: MY_KEY");
    Cli.Result r = Cli.run(Map.of(), "validate", "-p", p.file());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("pseudonym key variable 'MY_KEY' is not set");
    assertThat(Cli.run(Map.of("MY_KEY", "secret"), "validate", "-p", p.file()).exit()).isZero();
  }

  @Test
  void anUnsetKeyOrTokenVariableOfALiveSourceFailsValidation() throws Exception {
    Path yaml = dir.resolve("spotlight.yaml");
    java.nio.file.Files.writeString(yaml, "name: Live\ntimezone: Europe/London\nsources:\n"
        + "  - name: city\n    connector: open311\n    grantee: council\n    options:\n      url: https://city.example/open311/v2\n"
        + "      api_key_env: CITY_KEY\n"
        + "  - name: air\n    connector: smartcitizen\n    grantee: council\n    options:\n      devices: [1616]\n"
        + "      token_env: SC_TOKEN\n"
        + "metrics:\n  - catalog: core\n");
    // line 9 column 20 is CITY_KEY, line 15 column 18 is SC_TOKEN
    Cli.assertFailed(Cli.run(Map.of(), "validate", "-p", yaml.toString()), 3,
        yaml + ":9:20: api_key_env: environment variable 'CITY_KEY' is not set (export CITY_KEY=<the key>)",
        yaml + ":15:18: token_env: environment variable 'SC_TOKEN' is not set (export SC_TOKEN=<the key>)");
    Cli.assertFailed(Cli.run(Map.of("CITY_KEY", "k"), "validate", "-p", yaml.toString()), 3,
        yaml + ":15:18: token_env: environment variable 'SC_TOKEN' is not set (export SC_TOKEN=<the key>)");
    Cli.Result ok = Cli.run(Map.of("CITY_KEY", "k", "SC_TOKEN", "t"), "validate", "-p", yaml.toString());
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).doesNotContain("k\n").startsWith("ok: Live");
  }
}
