package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  @TempDir Path dir;

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void savedPagesAreResumedWithTheSameFingerprint() throws Exception {
    Checkpoint cp = Checkpoint.open(dir, "abc", at("2026-11-26T10:00:00Z"), Duration.ofDays(7));
    cp.save("p1", "[1]".getBytes(StandardCharsets.UTF_8));
    cp.save("p2", "[2]".getBytes(StandardCharsets.UTF_8));
    Checkpoint again = Checkpoint.open(dir, "abc", at("2026-11-27T10:00:00Z"), Duration.ofDays(7));
    assertThat(again.resumedPages()).isEqualTo(2);
    assertThat(again.has("p2")).isTrue();
    assertThat(Files.readString(again.file("p2"))).isEqualTo("[2]");
    assertThat(Files.readString(dir.resolve("checkpoint.json"))).contains("\"fingerprint\" : \"abc\"").contains("\"key\" : \"p1\"");
  }

  @Test
  void anOldCheckpointIsIgnored() {
    Checkpoint cp = Checkpoint.open(dir, "abc", at("2026-11-01T10:00:00Z"), Duration.ofDays(7));
    cp.save("p1", "[1]".getBytes(StandardCharsets.UTF_8));
    Checkpoint again = Checkpoint.open(dir, "abc", at("2026-11-26T10:00:00Z"), Duration.ofDays(7));
    assertThat(again.resumedPages()).isZero();
    assertThat(again.has("p1")).isFalse();
  }

  @Test
  void anUnreadableCheckpointIsIgnored() throws Exception {
    Files.writeString(dir.resolve("checkpoint.json"), "{\"fingerprint\": \"abc\", \"created\": ");
    assertThat(Checkpoint.open(dir, "abc", at("2026-11-26T10:00:00Z"), Duration.ofDays(7)).resumedPages()).isZero();
  }

  @Test
  void aPageWhoseFileIsGoneIsNotDone() throws Exception {
    Checkpoint cp = Checkpoint.open(dir, "abc", at("2026-11-26T10:00:00Z"), Duration.ofDays(7));
    Path f = cp.save("p1", "[1]".getBytes(StandardCharsets.UTF_8));
    Files.delete(f);
    assertThat(Checkpoint.open(dir, "abc", at("2026-11-26T10:00:00Z"), Duration.ofDays(7)).has("p1")).isFalse();
  }
}
