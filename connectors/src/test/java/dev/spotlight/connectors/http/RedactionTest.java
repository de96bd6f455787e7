package dev.spotlight.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void redactsKeyAndTokenParameters() {
    Redaction r = Redaction.none();
    assertThat(r.uri(URI.create("https://x.org/requests.json?api_key=abc123&jurisdiction_id=city&access_token=zz&start_date=2026")))
        .isEqualTo("https://x.org/requests.json?api_key=REDACTED&jurisdiction_id=city&access_token=REDACTED&start_date=2026");
  }

  @Test
  void redactsRegisteredSecretsAnywhere() {
    Redaction r = new Redaction(List.of("tok/en+1"));
    assertThat(r.text("Bearer tok/en+1 and ?q=tok%2Fen%2B1")).isEqualTo("Bearer REDACTED and ?q=REDACTED");
  }

  @Test
  void redactsUserInfo() {
    assertThat(Redaction.none().text("https://user:pw@x.org/a")).isEqualTo("https://REDACTED@x.org/a");
  }

  @Test
  void leavesOtherUrlsAlone() {
    assertThat(Redaction.none().text("https://api.smartcitizen.me/v0/devices/1616/readings?sensor_id=7&rollup=4h"))
        .isEqualTo("https://api.smartcitizen.me/v0/devices/1616/readings?sensor_id=7&rollup=4h");
  }
}
