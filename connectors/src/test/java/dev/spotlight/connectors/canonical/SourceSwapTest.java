package dev.spotlight.connectors.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotlight.common.store.StoreLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSwapTest {

  @TempDir Path dir;

  @Test
  void swapReplacesEveryTargetAndLeavesNoScratch() throws Exception {
    StoreLayout store = new StoreLayout(dir.resolve("store"));
    Path target = write(store.root().resolve("activity/source=a/old.parquet"), "old");
    Path work = store.scratchDir().resolve("pull-1");
    Path staged = write(work.resolve("activity/new.parquet"), "new").getParent();
    Path stagedCosts = Files.createDirectories(work.resolve("costs"));
    SourceSwap.swap(work, List.of(staged, stagedCosts), List.of(target.getParent(), store.root().resolve("costs/source=a")));
    assertThat(target).doesNotExist();
    assertThat(store.root().resolve("activity/source=a/new.parquet")).hasContent("new");
    assertThat(store.root().resolve("costs/source=a")).isEmptyDirectory();
    assertThat(work).doesNotExist();
  }

  @Test
  void recoveryRollsBackASwapThatACrashInterruptedHalfway() throws Exception {
    StoreLayout store = new StoreLayout(dir.resolve("store"));
    Path work = store.scratchDir().resolve("pull-2");
    Path activityTarget = store.root().resolve("activity/source=a");
    Path costsTarget = store.root().resolve("costs/source=a");
    // the state a crash leaves after activity was swapped and costs' old folder was moved away
    write(activityTarget.resolve("new.parquet"), "new activity");
    write(work.resolve("old-0/old.parquet"), "old activity");
    write(work.resolve("costs/new.parquet"), "new costs");
    write(work.resolve("old-1/old.parquet"), "old costs");
    Files.writeString(work.resolve("journal"),
        work.resolve("activity") + "\t" + activityTarget + "\t" + work.resolve("old-0") + "\n"
            + work.resolve("costs") + "\t" + costsTarget + "\t" + work.resolve("old-1") + "\n");

    try (StoreLock lock = StoreLock.acquire(store, true, java.time.Duration.ofSeconds(1), m -> {})) {
      assertThat(activityTarget.resolve("old.parquet")).hasContent("old activity");
      assertThat(activityTarget.resolve("new.parquet")).doesNotExist();
      assertThat(costsTarget.resolve("old.parquet")).hasContent("old costs");
      assertThat(store.scratchDir()).isEmptyDirectory();
    }
  }

  @Test
  void aSecondExclusiveLockWaitsThenFailsWithExitCodeSix() {
    StoreLayout store = new StoreLayout(dir.resolve("store"));
    StringBuilder warnings = new StringBuilder();
    try (StoreLock first = StoreLock.acquire(store, true, java.time.Duration.ofSeconds(1), m -> {})) {
      Thread other = new Thread(() -> {
        try {
          StoreLock.acquire(store, true, java.time.Duration.ofMillis(300), warnings::append).close();
          warnings.append("ACQUIRED");
        } catch (dev.spotlight.common.error.SpotlightException e) {
          warnings.append("|exit ").append(e.kind().code());
        }
      });
      other.start();
      other.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(warnings.toString()).contains("waiting").endsWith("|exit 6").doesNotContain("ACQUIRED");
  }

  private static Path write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
