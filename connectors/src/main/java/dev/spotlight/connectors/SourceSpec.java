package dev.spotlight.connectors;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.yaml.YamlMap;
import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code sources:} entry of a project, as a connector sees it.
 *
 * @param grantee the source's grantee, or null when the data names grantees
 * @param options the {@code options:} mapping, with locations for errors
 * @param outcomes event type to outcome key overrides
 * @param projectDir the folder relative paths resolve against
 */
public record SourceSpec(
    String name,
    String connector,
    String grantee,
    YamlMap options,
    Map<String, String> outcomes,
    Path projectDir,
    Location location) {

  public SourceSpec {
    outcomes = Map.copyOf(outcomes);
  }
}
