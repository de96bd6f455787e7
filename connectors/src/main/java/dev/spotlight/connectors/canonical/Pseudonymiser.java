package dev.spotlight.connectors.canonical;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Keyed HMAC-SHA256 of person identifiers, computed inside DuckDB so ids never pass through Java
 * row by row: {@code sha256((K ⊕ opad) || sha256((K ⊕ ipad) || id))}, hex, as {@code javax.crypto.Mac} gives.
 */
public final class Pseudonymiser {

  private static final int BLOCK = 64;

  private final byte[] key;

  public Pseudonymiser(byte[] key) {
    this.key = normalise(key);
  }

  private static byte[] normalise(byte[] key) {
    byte[] k = key;
    if (k.length > BLOCK) {
      try {
        k = MessageDigest.getInstance("SHA-256").digest(k);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    byte[] padded = new byte[BLOCK];
    System.arraycopy(k, 0, padded, 0, k.length);
    return padded;
  }

  private String pad(int with) {
    byte[] out = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      out[i] = (byte) (key[i] ^ with);
    }
    return HexFormat.of().formatHex(out);
  }

  /** Creates the temporary key table the pseudonym SQL reads; the key is bound, never written into SQL text. */
  public void install(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE spotlight_key (ipad VARCHAR, opad VARCHAR)");
    }
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO spotlight_key VALUES (?, ?)")) {
      p.setString(1, pad(0x36));
      p.setString(2, pad(0x5c));
      p.execute();
    }
  }

  /** SQL computing the pseudonym of the VARCHAR expression {@code id}, given {@code k} is the key table's alias. */
  public static String sql(String id, String k) {
    return "sha256(unhex(" + k + ".opad) || unhex(sha256(unhex(" + k + ".ipad) || encode(" + id + "))))";
  }
}
