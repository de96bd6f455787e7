package dev.spotlight.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.cli.Cli;
import dev.spotlight.cli.InitProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndeclaredSourceTest {

  @TempDir Path dir;

  @Test
  void dataOfASourceTheProjectNoLongerListsIsIgnoredWithAWarning() {
    InitProject p = InitProject.create(dir);
    p.edit(p.yaml(), "min_cell: 5", "min_cell: 0");
    assertThat(Cli.run("pull", "-p", p.file()).exit()).isZero();
    p.edit(p.yaml(), "- name: activity", "- name: loans");
    Cli.Result pull = Cli.run("pull", "-p", p.file());
    assertThat(pull.exit()).isZero();
    assertThat(pull.errLines()).singleElement().asString()
        .startsWith("spotlight: warning: the store holds data for source 'activity', which spotlight.yaml no longer lists; it is ignored");
    Cli.Result compute = Cli.run("compute", "-p", p.file(), "--period", "2026-10", "--metric", "items_shared", "--by", "source", "--format", "csv");
    // the init export has two completed loans; counted once, under the new name only
    assertThat(compute.out()).isEqualTo("metric,period,source,value,low,high,status\r\nitems_shared,2026-10,loans,2,,,ok\r\n");
  }
}
