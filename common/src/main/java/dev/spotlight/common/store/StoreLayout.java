package dev.spotlight.common.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things live in a store folder: {@code activity/source=NAME/month=YYYY-MM/*.parquet},
 * {@code costs/source=NAME/*.parquet}, the lock, the pseudonym key and scratch space.
 */
public record StoreLayout(Path root) {

  public Path tableDir(CanonicalTable table) {
    return root.resolve(table.tableName());
  }

  public Path sourceDir(CanonicalTable table, String source) {
    return tableDir(table).resolve("source=" + source);
  }

  public Path lockFile() {
    return root.resolve(".lock");
  }

  public Path keyFile() {
    return root.resolve(".pseudonym-key");
  }

  /** Scratch space for DuckDB spills, staging and temporary files; never read as data. */
  public Path scratchDir() {
    return root.resolve(".tmp");
  }

  /** Records of reference files that passed their checks, by content, so they are not checked again. */
  public Path checkedDir() {
    return root.resolve(".checked");
  }

  /** Every Parquet file of {@code table}, sorted, or an empty list when none was written yet. */
  public List<Path> parquetFiles(CanonicalTable table) {
    Path dir = tableDir(table);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = new ArrayList<>(
          walk.filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .filter(p -> root.relativize(p).toString().indexOf("/.") < 0)
              .toList());
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source names that have data for {@code table}. */
  public List<String> sources(CanonicalTable table) {
    Path dir = tableDir(table);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("source="))
          .map(n -> n.substring("source=".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
