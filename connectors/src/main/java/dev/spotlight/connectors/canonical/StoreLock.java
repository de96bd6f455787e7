package dev.spotlight.connectors.canonical;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A lock on the store so runs never interleave: pulls hold it exclusively, readers share it. A
 * second run waits (saying so) up to a limit, then gives up.
 */
public final class StoreLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static StoreLock acquire(StoreLayout layout, boolean exclusive, Duration wait, Consumer<String> warn) {
    try {
      Files.createDirectories(layout.root());
      FileChannel channel = FileChannel.open(
          layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + wait.toNanos();
      boolean warned = false;
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
        } catch (OverlappingFileLockException sameProcess) {
          lock = null;
        }
        if (lock != null) {
          StoreLock held = new StoreLock(channel, lock);
          if (exclusive) {
            SourceSwap.recover(layout);
          }
          return held;
        }
        if (System.nanoTime() > deadline) {
          channel.close();
          throw new SpotlightException(
              ExitKind.UNREACHABLE,
              Location.of(layout.lockFile()),
              "the store is locked by another spotlight run",
              "wait for it to finish; if none is running, the lock is released automatically when its process ends");
        }
        if (!warned) {
          warn.accept("another spotlight run is using " + layout.root() + "; waiting for it");
          warned = true;
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the store " + layout.root() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the store lock", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
