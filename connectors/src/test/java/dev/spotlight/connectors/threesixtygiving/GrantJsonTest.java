package dev.spotlight.connectors.threesixtygiving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantJsonTest {

  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void theFirstOfEachListIsReadAndNumbersKeepTheirDigits() throws Exception {
    Map<GrantField, String> f = GrantJson.fields(JSON.readTree("""
        {"id": " 360G-1 ", "amountAwarded": 0.1234567890123456789, "currency": "GBP",
         "recipientOrganization": [{"id": "A", "name": "first"}, {"id": "B", "name": "second"}],
         "recipientIndividual": {"id": "IND-1"},
         "fundingOrganization": {"id": "F", "name": "an object, not a list"},
         "plannedDates": [{"duration": 24}],
         "title": {"not": "a scalar"},
         "description": "never read",
         "beneficiaryLocation": [{"name": "Kirklees"}, {"geoCode": "E01011001", "geoCodeType": "LSOA"}, {"geoCode": "E02"}]}
        """));
    assertThat(f).containsOnly(Map.entry(GrantField.ID, "360G-1"), Map.entry(GrantField.AMOUNT, "0.1234567890123456789"),
        Map.entry(GrantField.CURRENCY, "GBP"), Map.entry(GrantField.RECIPIENT_ID, "A"), Map.entry(GrantField.RECIPIENT_NAME, "first"),
        Map.entry(GrantField.INDIVIDUAL_ID, "IND-1"), Map.entry(GrantField.FUNDER_ID, "F"),
        Map.entry(GrantField.FUNDER_NAME, "an object, not a list"), Map.entry(GrantField.DURATION, "24"),
        Map.entry(GrantField.GEO_CODE, "E01011001"), Map.entry(GrantField.GEO_TYPE, "LSOA"));
  }

  @Test
  void aBareArrayOfGrantsIsAcceptedAndEachGrantKeepsItsLine() throws Exception {
    Path file = Files.writeString(dir.resolve("g.json"), "[\n {\"id\": \"A\"},\n\n {\"id\": \"B\",\n  \"amountAwarded\": 5}\n]\n");
    Path ndjson = dir.resolve("g.ndjson");
    assertThat(GrantJson.toNdjson(file, ndjson)).isEqualTo(2);
    assertThat(Files.readAllLines(ndjson)).isEqualTo(List.of("{\"__rec\":1,\"__line\":2,\"id\":\"A\"}",
        "{\"__rec\":2,\"__line\":4,\"id\":\"B\",\"amount\":\"5\"}"));
  }

  @Test
  void otherMembersOfThePackageAroundTheGrantsArePassedOver() throws Exception {
    Path file = Files.writeString(dir.resolve("p.json"), "{\"version\": \"1.4\", \"publisher\": {\"name\": \"x\", \"grants\": []},"
        + " \"grants\": [{\"id\": \"A\"}], \"extensions\": [\"e\"]}");
    assertThat(GrantJson.toNdjson(file, dir.resolve("p.ndjson"))).isEqualTo(1);
  }
}
