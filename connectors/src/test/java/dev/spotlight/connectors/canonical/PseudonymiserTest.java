package dev.spotlight.connectors.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PseudonymiserTest {

  @ParameterizedTest
  @CsvSource({
    "short key, ann@example.org",
    "a key that is much longer than the sixty-four byte block of SHA-256, so HMAC hashes it first, 12345",
    "ключ, Zoë Ångström",
    "k, ''"
  })
  void duckDbGivesWhatJavaxCryptoMacGives(String key, String id) throws Exception {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      new Pseudonymiser(keyBytes).install(c);
      try (PreparedStatement p = c.prepareStatement("SELECT " + Pseudonymiser.sql("CAST(? AS VARCHAR)", "k") + " FROM spotlight_key k")) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo(expected);
        }
      }
    }
  }
}
