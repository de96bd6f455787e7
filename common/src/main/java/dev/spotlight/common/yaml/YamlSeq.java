package dev.spotlight.common.yaml;

import dev.spotlight.common.error.Location;
import java.util.List;

/** A YAML sequence. */
public record YamlSeq(Location location, List<YamlNode> items) implements YamlNode {

  public YamlSeq {
    items = List.copyOf(items);
  }

  @Override
  public String shape() {
    return "a list";
  }
}
