package dev.spotlight.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sample's synthetic small areas (LSOA-like codes in three local authorities, written to
 * {@code reference/areas.csv}) and the rule for where sample people live.
 */
final class AreaDirectory {

  static final String RELATIVE_PATH = "reference/areas.csv";
  static final String HEADER = "area_code,name,local_authority,population,deprivation_decile";

  /** One small area as the areas reference file lists it. */
  record Area(String code, String name, String localAuthority, int population, int deprivationDecile) {}

  /** Share of people living in the 30% most deprived areas (deciles 1 to 3). */
  private static final double DEPRIVED_SHARE = 0.35;
  /** Share of people whose records carry no area at all. */
  private static final double NO_AREA_SHARE = 0.03;
  /** Share of people whose records carry an area code the areas file does not list. */
  private static final double UNLISTED_AREA_SHARE = 0.02;
  /** Codes of areas outside the sample's three authorities, absent from the areas file. */
  private static final List<String> UNLISTED_CODES = List.of("E01999901", "E01999902", "E01999903", "W01999904");

  private record Authority(String name, int areaCount) {}

  private static final List<Authority> AUTHORITIES =
      List.of(new Authority("Kirklees", 22), new Authority("Calderdale", 16), new Authority("Leeds", 22));
  private static final int VILLAGE_AREAS = 2;

  private final List<Area> areas;
  private final List<String> deprivedCodes = new ArrayList<>();
  private final List<String> otherCodes = new ArrayList<>();

  private AreaDirectory(List<Area> areas) {
    this.areas = List.copyOf(areas);
    for (Area area : areas) {
      (area.deprivationDecile() <= 3 ? deprivedCodes : otherCodes).add(area.code());
    }
  }

  /** Sixty areas: every decile six times, shuffled, populations between 1,200 and 2,500. */
  static AreaDirectory generate(SplittableRandom random) {
    int count = AUTHORITIES.stream().mapToInt(Authority::areaCount).sum();
    int[] deciles = new int[count];
    for (int i = 0; i < count; i++) {
      deciles[i] = 1 + i % 10;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = deciles[i];
      deciles[i] = deciles[j];
      deciles[j] = swap;
    }
    List<Area> areas = new ArrayList<>();
    int codeNumber = 1000;
    for (Authority authority : AUTHORITIES) {
      int middleLayer = 0;
      char letter = 'Z';
      for (int i = 0; i < authority.areaCount(); i++) {
        if (letter >= 'C' || random.nextInt(3) == 0) {
          middleLayer += 1 + random.nextInt(3);
          letter = 'A';
        } else {
          letter++;
        }
        codeNumber += 1 + random.nextInt(40);
        String code = "E0199" + codeNumber;
        String name = String.format("%s %03d%c", authority.name(), middleLayer, letter);
        areas.add(new Area(code, name, authority.name(), 1200 + random.nextInt(1301), deciles[areas.size()]));
      }
    }
    return new AreaDirectory(areas);
  }

  List<Area> areas() {
    return areas;
  }

  /** The village the small tool library serves: the first two Kirklees areas. */
  List<Area> village() {
    return areas.subList(0, VILLAGE_AREAS);
  }

  /**
   * Where the person with this hash lives: usually a listed area (35% of them in deciles 1 to 3),
   * sometimes an unlisted code, sometimes nothing ("").
   */
  String homeAreaOf(long personHash) {
    double u = PersonHash.unit(personHash);
    if (u < NO_AREA_SHARE) {
      return "";
    }
    if (u < NO_AREA_SHARE + UNLISTED_AREA_SHARE) {
      return UNLISTED_CODES.get(PersonHash.index(personHash, UNLISTED_CODES.size()));
    }
    long next = PersonHash.mix(personHash);
    List<String> codes = PersonHash.unit(next) < DEPRIVED_SHARE ? deprivedCodes : otherCodes;
    return codes.get(PersonHash.index(PersonHash.mix(next), codes.size()));
  }

  /** Where a member of the village tool library lives. */
  String villageAreaOf(long personHash) {
    return village().get(PersonHash.index(personHash, VILLAGE_AREAS)).code();
  }

  /** Any listed area, for things that happen away from home (a street defect). */
  String anyArea(SplittableRandom random) {
    return areas.get(random.nextInt(areas.size())).code();
  }

  void writeCsv(Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    for (Area area : areas) {
      out.write(area.code() + "," + area.name() + "," + area.localAuthority() + "," + area.population() + ","
          + area.deprivationDecile() + "\n");
    }
  }
}
