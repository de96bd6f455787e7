package dev.spotlight.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AreaDirectoryTest {

  private final AreaDirectory areas = AreaDirectory.generate(new SplittableRandom(1));

  @Test
  void sixtyAreasOverThreeAuthoritiesWithEveryDecileSixTimes() {
    assertThat(areas.areas()).hasSize(60);
    Map<String, Long> byAuthority = areas.areas().stream()
        .collect(Collectors.groupingBy(AreaDirectory.Area::localAuthority, Collectors.counting()));
    assertThat(byAuthority).containsOnlyKeys("Kirklees", "Calderdale", "Leeds");
    Map<Integer, Long> byDecile = areas.areas().stream()
        .collect(Collectors.groupingBy(AreaDirectory.Area::deprivationDecile, Collectors.counting()));
    assertThat(byDecile).hasSize(10).allSatisfy((decile, count) -> assertThat(count).isEqualTo(6));
  }

  @Test
  void aboutAThirdOfPeopleLiveInTheMostDeprivedAreas() {
    Map<String, Integer> decileOf = areas.areas().stream()
        .collect(Collectors.toMap(AreaDirectory.Area::code, AreaDirectory.Area::deprivationDecile));
    int people = 100_000;
    int known = 0;
    int deprived = 0;
    int none = 0;
    for (long person = 0; person < people; person++) {
      String area = areas.homeAreaOf(PersonHash.of(99, person));
      if (area.isEmpty()) {
        none++;
      } else if (decileOf.containsKey(area)) {
        known++;
        deprived += decileOf.get(area) <= 3 ? 1 : 0;
      }
    }
    assertThat((double) deprived / known).isBetween(0.33, 0.37);
    assertThat((double) none / people).isBetween(0.02, 0.04);
    assertThat(known).isLessThan(people - none);
  }
}
