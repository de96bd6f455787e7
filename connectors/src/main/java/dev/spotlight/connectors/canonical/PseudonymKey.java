package dev.spotlight.connectors.canonical;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The key for keyed pseudonymisation (SPEC §1 privacy): from the environment variable the project
 * names, else from {@code SPOTLIGHT_PSEUDONYM_KEY}, else a random key created once in the store.
 */
public final class PseudonymKey {

  public static final String DEFAULT_ENV = "SPOTLIGHT_PSEUDONYM_KEY";

  private PseudonymKey() {}

  /**
   * Resolves the key bytes (the variable's value as UTF-8).
   *
   * @param namedEnv the variable named by {@code privacy.pseudonym_key_env}, or null when left out
   * @param namedAt where it was named, for the error when it is unset
   * @param warn receives the warning when a key file is created
   */
  public static byte[] resolve(String namedEnv, Location namedAt, Map<String, String> env, Path keyFile, Consumer<String> warn) {
    if (namedEnv != null) {
      String value = env.get(namedEnv);
      if (value == null || value.isEmpty()) {
        throw new SpotlightException(
            ExitKind.DEFINITION, namedAt, "pseudonym key variable '" + namedEnv + "' is not set", "export " + namedEnv + "=<a secret string>");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    String fallback = env.get(DEFAULT_ENV);
    if (fallback != null && !fallback.isEmpty()) {
      return fallback.getBytes(StandardCharsets.UTF_8);
    }
    return fromFile(keyFile, warn);
  }

  private static byte[] fromFile(Path keyFile, Consumer<String> warn) {
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        try {
          Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(keyFile, hex + "\n", StandardCharsets.UTF_8);
          warn.accept("no pseudonym key configured: created a random key in " + keyFile
              + " (keep it: pseudonyms change if it is lost; set " + DEFAULT_ENV + " to choose your own)");
        } catch (FileAlreadyExistsException raced) {
          // another process created it first; use theirs
        } catch (UnsupportedOperationException notPosix) {
          Files.writeString(keyFile, hex + "\n", StandardCharsets.UTF_8);
        }
      }
      String text = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
      if (text.isEmpty()) {
        throw new SpotlightException(ExitKind.DEFINITION, Location.of(keyFile), "pseudonym key file is empty", "delete it to create a new key, or set " + DEFAULT_ENV);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the pseudonym key " + keyFile, e);
    }
  }
}
