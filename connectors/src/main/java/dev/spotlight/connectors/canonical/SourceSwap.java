package dev.spotlight.connectors.canonical;

import dev.spotlight.common.io.AtomicFiles;
import dev.spotlight.common.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces a source's folder in the store by a freshly written one with directory renames. A
 * journal beside the staged data lets the next run finish or undo a swap a crash interrupted, so
 * readers never see duplicates or a half-written source.
 */
final class SourceSwap {

  private static final String JOURNAL = "journal";

  private SourceSwap() {}

  /**
   * Moves each {@code staged} folder onto its {@code target}, keeping the old one under
   * {@code workDir} until every move is done.
   */
  static void swap(Path workDir, List<Path> staged, List<Path> targets) throws IOException {
    StringBuilder journal = new StringBuilder();
    for (int i = 0; i < staged.size(); i++) {
      journal.append(staged.get(i)).append('\t').append(targets.get(i)).append('\t').append(old(workDir, i)).append('\n');
    }
    AtomicFiles.writeString(workDir.resolve(JOURNAL), journal.toString());
    for (int i = 0; i < staged.size(); i++) {
      Path target = targets.get(i);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.move(target, old(workDir, i));
      }
      Files.move(staged.get(i), target);
    }
    Files.delete(workDir.resolve(JOURNAL));
    deleteTree(workDir);
  }

  private static Path old(Path workDir, int i) {
    return workDir.resolve("old-" + i);
  }

  /** Rolls back swaps a crashed run left half done, then clears scratch space (only called under the exclusive lock). */
  static void recover(StoreLayout layout) {
    Path scratch = layout.scratchDir();
    if (!Files.isDirectory(scratch)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(scratch)) {
      for (Path work : dirs.toList()) {
        Path journal = work.resolve(JOURNAL);
        if (Files.exists(journal)) {
          List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
          // undo in reverse so the source is back exactly as it was before the interrupted pull
          for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).split("\t");
            Path staged = Path.of(parts[0]);
            Path target = Path.of(parts[1]);
            Path old = Path.of(parts[2]);
            if (!Files.exists(staged) && Files.exists(target) && Files.exists(old)) {
              Files.move(target, staged);
            }
            if (!Files.exists(target) && Files.exists(old)) {
              Files.createDirectories(target.getParent());
              Files.move(old, target);
            }
          }
        }
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover an interrupted pull in " + scratch, e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
