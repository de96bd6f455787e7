package dev.spotlight.connectors.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.StoreLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

  @TempDir
  Path dir;

  @Test
  void aFreeStoreIsLockedAtOnceWithoutWaitingOrWarning() {
    StoreLayout store = new StoreLayout(dir.resolve("store"));
    List<String> warnings = new ArrayList<>();
    // no time allowed to wait: only a lock taken on the first try, before any sleep, can succeed
    try (StoreLock lock = StoreLock.acquire(store, false, Duration.ZERO, warnings::add)) {
      assertThat(store.lockFile()).exists();
    }
    try (StoreLock lock = StoreLock.acquire(store, true, Duration.ZERO, warnings::add)) {
      assertThat(warnings).isEmpty();
    }
  }

  @Test
  void aHeldStoreMakesTheSecondRunWarnOnceThenGiveUpNamingTheLockFile() {
    StoreLayout store = new StoreLayout(dir.resolve("store"));
    List<String> warnings = new ArrayList<>();
    try (StoreLock held = StoreLock.acquire(store, true, Duration.ZERO, warnings::add)) {
      assertThatThrownBy(() -> StoreLock.acquire(store, false, Duration.ofMillis(450), warnings::add))
          .isInstanceOfSatisfying(SpotlightException.class, e -> {
            assertThat(e.kind()).isEqualTo(ExitKind.UNREACHABLE);
            assertThat(e.problems().get(0).render()).startsWith(store.lockFile() + ": the store is locked by another spotlight run");
          });
    }
    assertThat(warnings).containsExactly("another spotlight run is using " + store.root() + "; waiting for it");
    // released: the next run gets it at once
    try (StoreLock again = StoreLock.acquire(store, false, Duration.ZERO, warnings::add)) {
      assertThat(warnings).hasSize(1);
    }
  }
}
