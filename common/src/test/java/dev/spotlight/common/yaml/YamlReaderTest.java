package dev.spotlight.common.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.SpotlightException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void nodesKeepTheirLineAndColumn() {
    YamlMap top = (YamlMap) YamlReader.parse("p.yaml", "name: x\nsources:\n  - name: loans\n    options: { files: a.csv }\n");
    assertThat(top.keyLocation("sources").render()).isEqualTo("p.yaml:2:1");
    YamlMap source = (YamlMap) ((YamlSeq) top.get("sources").orElseThrow()).items().get(0);
    assertThat(source.locationOf("name").render()).isEqualTo("p.yaml:3:11");
    YamlMap options = source.optMap("options").orElseThrow();
    assertThat(options.locationOf("files").render()).isEqualTo("p.yaml:4:23");
  }

  @Test
  void scalarsKeepTheirKind() {
    YamlMap top = (YamlMap) YamlReader.parse("p.yaml", "a: 5\nb: 0.5\nc: true\nd: text\ne: ~\n");
    assertThat(top.optScalar("a").orElseThrow().kind()).isEqualTo(YamlScalar.Kind.INTEGER);
    assertThat(top.optScalar("b").orElseThrow().kind()).isEqualTo(YamlScalar.Kind.FLOAT);
    assertThat(top.optScalar("c").orElseThrow().kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
    assertThat(top.optScalar("d").orElseThrow().kind()).isEqualTo(YamlScalar.Kind.STRING);
    assertThat(top.has("e")).isFalse();
  }

  @Test
  void duplicateKeysAndBadYamlAreDefinitionErrorsWithLocations() {
    assertThatThrownBy(() -> YamlReader.parse("p.yaml", "a: 1\na: 2\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> {
          assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
          assertThat(e.problems().get(0).render()).isEqualTo("p.yaml:2:1: duplicate key 'a' (each key may appear once in a mapping)");
        });
    assertThatThrownBy(() -> YamlReader.parse("p.yaml", "a: [1, 2\n"))
        .isInstanceOfSatisfying(SpotlightException.class, e -> assertThat(e.problems().get(0).render()).startsWith("p.yaml:").contains("invalid YAML"));
  }

  @Test
  void environmentVariablesAreInterpolatedAndAnUnsetOneIsAnError() {
    EnvInterpolation env = new EnvInterpolation(Map.of("HOME_DIR", "/data", "X", "1"));
    YamlMap top = (YamlMap) YamlReader.parse("p.yaml", "store: ${HOME_DIR}/store-${X}\n", env);
    assertThat(top.optString("store")).hasValue("/data/store-1");
    assertThatThrownBy(() -> YamlReader.parse("p.yaml", "store: a/${NOPE}\n", env))
        .hasMessage("p.yaml:1:10: environment variable 'NOPE' is not set (export NOPE=... before running spotlight)");
  }
}
