package dev.spotlight.common.yaml;

import dev.spotlight.common.error.Location;

/** A YAML value that remembers where it was written, so errors can point at file:line:column. */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

  Location location();

  /** A short word for the node's shape, used in error messages ("a mapping", "a list"...). */
  String shape();
}
