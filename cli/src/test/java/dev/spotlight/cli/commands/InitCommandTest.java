package dev.spotlight.cli.commands;

import static dev.spotlight.cli.Cli.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  @TempDir
  Path temp;

  @Test
  void scaffoldsAProjectAndSaysWhatToDoNext() throws IOException {
    Path dir = temp.resolve("my-report");

    Cli.Result r = Cli.run("init", dir.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("created a project in " + dir + "\n"
        + "next: edit spotlight.yaml, then run: spotlight run -p " + dir.resolve("spotlight.yaml") + " --period 2026-10\n");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted())
          .containsExactly("exports/activity.csv", "metrics/impact.yaml", "reference/areas.csv", "spotlight.yaml");
    }
    assertThat(Files.readString(dir.resolve("spotlight.yaml")))
        .contains("name: My platform impact report", "metrics/impact.yaml", "areas: reference/areas.csv");
  }

  @Test
  void neverOverwritesAnExistingProject() throws IOException {
    Path dir = temp.resolve("my-report");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("spotlight.yaml"), "name: Mine\n");

    assertFailed(Cli.run("init", dir.toString()), 2,
        dir.resolve("spotlight.yaml") + " already exists (init never overwrites a project; pick another folder)");
    assertThat(Files.readString(dir.resolve("spotlight.yaml"))).isEqualTo("name: Mine\n");
    assertThat(dir.resolve("metrics")).doesNotExist();
  }
}
