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
}
