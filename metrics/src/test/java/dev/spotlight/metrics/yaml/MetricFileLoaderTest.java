package dev.spotlight.metrics.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.Problems;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.store.CanonicalTable;
import dev.spotlight.metrics.model.AggregateFunction;
import dev.spotlight.metrics.model.IntervalKind;
import dev.spotlight.metrics.model.MetricBody;
import dev.spotlight.metrics.model.MetricDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricFileLoaderTest {

  @TempDir
  Path dir;

  private MetricYamlFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new MetricYamlFixture(dir);
  }

  /** The example of SPEC §2, plus a percentile. Line numbers matter to the tests below. */
  private static final String GOOD = """
      version: 1
      metrics:
        participants:
          label: People taking part
          description: Distinct people with any activity in the period.
          type: count_distinct
          of: participant
          unit: people
        shares_completed:
          label: Items shared
          type: count
          where: event_type = 'share.completed'
        programme_cost:
          label: Programme cost
          type: sum
          table: costs
          of: amount
          unit: GBP
        cost_per_share:
          label: Cost per item shared
          type: ratio
          numerator: programme_cost
          denominator: shares_completed
          unit: GBP
        deprived_reach_share:
          label: Share of people from the 30% most deprived areas
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          unit: percent
          interval: wilson
          tags: { iris: PI4060 }
        response_p90:
          label: Minutes to arrive (90th percentile)
          type: percentile
          of: quantity
          p: 0.9
      tests:
        - name: ignored by the loader
      """;

  @Nested
  class AGoodFile {

    private List<MetricDefinition> defs;

    @BeforeEach
    void load() {
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", GOOD));
      assertThat(loaded.problems().list()).isEmpty();
      defs = loaded.definitions();
    }

    private MetricDefinition def(String id) {
      return defs.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void loadsEveryMetricInWrittenOrder() {
      assertThat(defs).extracting(MetricDefinition::id)
          .containsExactly("participants", "shares_completed", "programme_cost", "cost_per_share", "deprived_reach_share", "response_p90");
    }

    @Test
    void keepsLabelsDescriptionsUnitsAndTypes() {
      assertThat(defs).extracting(MetricDefinition::label).containsExactly(
          "People taking part", "Items shared", "Programme cost", "Cost per item shared",
          "Share of people from the 30% most deprived areas", "Minutes to arrive (90th percentile)");
      assertThat(defs).extracting(MetricDefinition::unit).containsExactly("people", null, "GBP", "GBP", "percent", null);
      assertThat(defs).extracting(MetricDefinition::typeName)
          .containsExactly("count_distinct", "count", "sum", "ratio", "ratio", "percentile");
      assertThat(def("participants").description()).isEqualTo("Distinct people with any activity in the period.");
      assertThat(def("shares_completed").description()).isEmpty();
    }

    @Test
    void aggregatesKnowTheirFunctionTableAndExpressions() {
      MetricBody.Aggregate participants = (MetricBody.Aggregate) def("participants").body();
      assertThat(participants.function()).isEqualTo(AggregateFunction.COUNT_DISTINCT);
      assertThat(participants.table()).isEqualTo(CanonicalTable.ACTIVITY);
      assertThat(participants.of()).isNotNull();
      assertThat(participants.where()).isNull();

      MetricBody.Aggregate shares = (MetricBody.Aggregate) def("shares_completed").body();
      assertThat(shares.function()).isEqualTo(AggregateFunction.COUNT);
      assertThat(shares.of()).isNull();
      assertThat(shares.where()).isNotNull();

      MetricBody.Aggregate cost = (MetricBody.Aggregate) def("programme_cost").body();
      assertThat(cost.function()).isEqualTo(AggregateFunction.SUM);
      assertThat(cost.table()).isEqualTo(CanonicalTable.COSTS);

      MetricBody.Aggregate p90 = (MetricBody.Aggregate) def("response_p90").body();
      assertThat(p90.function()).isEqualTo(AggregateFunction.PERCENTILE);
      assertThat(p90.p()).isEqualTo(0.9);
      assertThat(shares.p()).isNull();
    }

    @Test
    void ratiosKeepPlainAndFilteredReferences() {
      MetricBody.Ratio plain = (MetricBody.Ratio) def("cost_per_share").body();
      assertThat(plain.numerator().metricId()).isEqualTo("programme_cost");
      assertThat(plain.numerator().where()).isNull();
      assertThat(plain.denominator().metricId()).isEqualTo("shares_completed");
      // the reference's location is where its id is written: line 23, after "    denominator: "
      assertThat(plain.denominator().location()).isEqualTo(new Location(dir.resolve("metrics.yaml").toString(), 23, 18));

      MetricBody.Ratio filtered = (MetricBody.Ratio) def("deprived_reach_share").body();
      assertThat(filtered.numerator().metricId()).isEqualTo("participants");
      assertThat(filtered.numerator().where()).isNotNull();
      assertThat(filtered.denominator().metricId()).isEqualTo("participants");
      assertThat(filtered.denominator().where()).isNotNull();
    }

    @Test
    void intervalsAndTags() {
      assertThat(def("deprived_reach_share").interval()).isEqualTo(IntervalKind.WILSON);
      assertThat(def("deprived_reach_share").tags()).isEqualTo(Map.of("iris", "PI4060"));
      assertThat(def("cost_per_share").interval()).isEqualTo(IntervalKind.NONE);
      assertThat(def("cost_per_share").tags()).isEmpty();
    }

    @Test
    void eachDefinitionKnowsItsFileLineAndText() {
      MetricDefinition shares = def("shares_completed");
      assertThat(shares.file()).isEqualTo(dir.resolve("metrics.yaml").toString());
      assertThat(shares.location()).isEqualTo(new Location(dir.resolve("metrics.yaml").toString(), 9, 3));
      assertThat(shares.text()).isEqualTo("""
          shares_completed:
            label: Items shared
            type: count
            where: event_type = 'share.completed'""");
    }
  }

  @Nested
  class Types {

    @Test
    void anUnknownTypeIsReportedAtItsValueWithTheClosestType() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: cuont
          """)).containsExactly("metrics.yaml:5:11: unknown metric type 'cuont' (did you mean 'count'?)");
    }

    @Test
    void anUnknownTypeFarFromAnyListsTheTypes() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: histogram
          """)).containsExactly("metrics.yaml:5:11: unknown metric type 'histogram' "
              + "(expected one of: count, count_distinct, sum, avg, min, max, median, percentile, ratio, derived, per_capita, change, value)");
    }

    @Test
    void aMissingTypeIsReportedAtTheMetric() {
      List<String> problems = fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
          """);
      assertThat(problems).containsExactly("metrics.yaml:4:5: missing required key 'type' in metric 'shares'");
    }
  }

  @Nested
  class KeysPerType {

    @Test
    void ofOnACountPointsToCountDistinct() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
              of: participant
          """)).containsExactly("metrics.yaml:6:5: 'of' does not apply to a count metric "
              + "(count counts rows; use count_distinct to count distinct values of an expression)");
    }

    @Test
    void whereOnARatioPointsToFilteredReferences() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
            per_share:
              label: Per share
              type: ratio
              numerator: shares
              denominator: shares
              where: event_type = 'x'
          """)).containsExactly("metrics.yaml:11:5: 'where' does not apply to a ratio metric "
              + "(a ratio has no where of its own; filter its numerator or denominator with { metric: id, where: ... })");
    }

    @Test
    void pOnlyAppliesToPercentiles() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            typical:
              label: Typical
              type: median
              of: quantity
              p: 0.5
          """)).containsExactly("metrics.yaml:7:5: 'p' does not apply to a median metric (did you mean 'of'?)");
    }

    @Test
    void aMisspeltKeyGetsADidYouMeanAndTheMissingLabelIsReportedToo() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              labl: Shares
              type: count
          """)).containsExactly(
              "metrics.yaml:4:5: 'labl' does not apply to a count metric (did you mean 'label'?)",
              "metrics.yaml:3:3: metric 'shares' needs a label (label: is shown in reports)");
    }

    @Test
    void anUnknownTopLevelKeyIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metric:
            shares:
              label: Shares
              type: count
          """)).contains("metrics.yaml:2:1: unknown key 'metric' in a metric file (did you mean 'metrics'?)");
    }

    @Test
    void aReferenceMapTakesOnlyMetricAndWhere() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
            per_share:
              label: Per share
              type: ratio
              numerator: { metric: shares, filter: event_type = 'x' }
              denominator: shares
          """)).singleElement().asString().startsWith("metrics.yaml:9:34: unknown key 'filter' in a metric reference");
    }
  }

  @Nested
  class RequiredFields {

    @Test
    void aMissingLabelIsReportedAtTheMetricId() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              type: count
          """)).containsExactly("metrics.yaml:3:3: metric 'shares' needs a label (label: is shown in reports)");
    }

    @Test
    void aSumWithoutOfIsReportedAtTheMetricBody() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            cost:
              label: Cost
              type: sum
          """)).containsExactly("metrics.yaml:4:5: a sum metric needs 'of:' (the column or expression to aggregate)");
    }

    @Test
    void aCountDistinctWithoutOfIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            people:
              label: People
              type: count_distinct
          """)).containsExactly("metrics.yaml:4:5: a count_distinct metric needs 'of:' (the column or expression to aggregate)");
    }

    @Test
    void aRatioWithoutDenominatorIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
            per_share:
              label: Per share
              type: ratio
              numerator: shares
          """)).containsExactly("metrics.yaml:7:5: missing required key 'denominator' in ratio metric 'per_share'");
    }

    @Test
    void anEmptyWhereIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
              where:
          """)).containsExactly("metrics.yaml:6:11: 'where' is empty");
    }

    @Test
    void anEmptyWhereInAReferenceIsReportedNotTreatedAsNoFilter() {
      List<String> problems = fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
            per_share:
              label: Per share
              type: ratio
              numerator: { metric: shares, where: }
              denominator: shares
          """);
      assertThat(problems).singleElement().asString().startsWith("metrics.yaml:9:").endsWith(": 'where' is empty");
    }

    @Test
    void anEmptyOfIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            cost:
              label: Cost
              type: sum
              of:
          """)).containsExactly("metrics.yaml:6:8: 'of' is empty");
    }

    @Test
    void versionMissingIsReportedAtTheTopOfTheFile() {
      assertThat(fixture.problemsOf("""
          metrics:
            shares:
              label: Shares
              type: count
          """)).containsExactly("metrics.yaml:1:1: metric files need 'version: 1'");
    }

    @Test
    void anotherVersionIsReportedAtItsValue() {
      assertThat(fixture.problemsOf("""
          version: 2
          metrics:
            shares:
              label: Shares
              type: count
          """)).containsExactly("metrics.yaml:1:10: metric files need 'version: 1'");
    }

    @Test
    void aFileWithoutMetricsIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          """)).containsExactly("metrics.yaml:1:1: a metric file needs 'metrics:'");
    }

    @Test
    void aMissingFileIsADefinitionError() {
      Problems problems = new Problems(ExitKind.DEFINITION);
      SpotlightException e = catchThrowableOfType(SpotlightException.class,
          () -> MetricFileLoader.load(dir.resolve("nope.yaml"), problems));
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(e.problems().get(0).render()).isEqualTo(dir.resolve("nope.yaml") + ": metric file not found (check metrics: in spotlight.yaml)");
    }

    @Test
    void anUnknownBuiltInCatalogueIsADefinitionError() {
      Location at = new Location("spotlight.yaml", 12, 14);
      SpotlightException e = catchThrowableOfType(SpotlightException.class,
          () -> MetricFileLoader.loadCatalog("no-such-catalogue", at, new Problems(ExitKind.DEFINITION)));
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(e.problems().get(0).render()).isEqualTo("spotlight.yaml:12:14: unknown metric catalogue 'no-such-catalogue' (the built-in catalogue is core)");
    }

    @Test
    void aBadMetricIdIsReportedAtTheId() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            Shares-Done:
              label: Shares
              type: count
          """)).containsExactly("metrics.yaml:3:3: metric id 'Shares-Done' must match [a-z][a-z0-9_]* (use lower-case letters, digits and underscores)");
    }

    @Test
    void anUnknownTableIsReportedAtItsValue() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
              table: activities
          """)).containsExactly("metrics.yaml:6:12: unknown table 'activities' (expected activity or costs)");
    }
  }

  @Nested
  class Percentiles {

    private String percentile(String pLine) {
      return """
          version: 1
          metrics:
            p90:
              label: P90
              type: percentile
              of: quantity
          %s""".formatted(pLine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "90", "-0.1"})
    void pOutsideZeroToOneIsReportedAtItsValue(String p) {
      assertThat(fixture.problemsOf(percentile("    p: " + p + "\n")))
          .containsExactly("metrics.yaml:7:8: p must be between 0 and 1 (0.9 is the 90th percentile)");
    }

    @Test
    void pThatIsNotANumberIsReported() {
      assertThat(fixture.problemsOf(percentile("    p: high\n")))
          .containsExactly("metrics.yaml:7:8: p must be a number, not a string 'high'");
    }

    @Test
    void aMissingPIsReported() {
      assertThat(fixture.problemsOf(percentile("")))
          .containsExactly("metrics.yaml:4:5: a percentile metric needs 'p:' (a fraction between 0 and 1, e.g. 0.9)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0.5", "1.0"})
    void theEndsOfZeroToOneAreAccepted(String p) {
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", percentile("    p: " + p + "\n")));
      assertThat(loaded.problems().list()).isEmpty();
      assertThat(((MetricBody.Aggregate) loaded.definitions().get(0).body()).p()).isEqualTo(Double.parseDouble(p));
    }
  }

  @Nested
  class Intervals {

    @Test
    void wilsonOnlyAppliesToRatios() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
              interval: wilson
          """)).containsExactly("metrics.yaml:6:15: interval: wilson applies to ratio metrics (proportions)");
    }

    @Test
    void poissonAppliesToCounts() {
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", """
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
              interval: poisson
            people:
              label: People
              type: count_distinct
              of: participant
              interval: poisson
          """));
      assertThat(loaded.problems().list()).isEmpty();
      assertThat(loaded.definitions()).extracting(d -> d.interval()).containsExactly(IntervalKind.POISSON, IntervalKind.POISSON);
    }

    @Test
    void poissonOnAnythingButACountIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            value:
              label: Value
              type: sum
              of: amount
              interval: poisson
          """)).containsExactly("metrics.yaml:7:15: interval: poisson applies to count and count_distinct metrics (use wilson on a ratio of counts)");
    }

    @Test
    void anUnknownIntervalIsReported() {
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            shares:
              label: Shares
              type: count
              interval: bootstrap
          """)).containsExactly("metrics.yaml:6:15: unknown interval 'bootstrap' (expected wilson or poisson)");
    }
  }

  @Nested
  class ManyErrors {

    @Test
    void everyProblemInAFileIsReportedNotJustTheFirst() {
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", """
          metrics:
            shares:
              label: Shares
              type: cuont
            people:
              type: count_distinct
              of: participant
            p90:
              label: P90
              type: percentile
              of: quantity
              p: 9
            active:
              label: Active
              type: count
              where: partcipant is not null
            fine:
              label: Fine
              type: count
          """));
      assertThat(loaded.lines(dir)).containsExactly(
          "metrics.yaml:1:1: metric files need 'version: 1'",
          "metrics.yaml:4:11: unknown metric type 'cuont' (did you mean 'count'?)",
          "metrics.yaml:5:3: metric 'people' needs a label (label: is shown in reports)",
          "metrics.yaml:12:8: p must be between 0 and 1 (0.9 is the 90th percentile)",
          "metrics.yaml:16:12: unknown column 'partcipant' in the activity table (did you mean 'participant'?)");
      // the metrics without an error of their own still load
      assertThat(loaded.definitions().stream().filter(d -> !(d.body() instanceof MetricBody.Unloadable)).map(MetricDefinition::id)).containsExactly("people", "active", "fine");
    }

    @Test
    void theCollectedProblemsFailWithADefinitionError() {
      MetricYamlFixture.Loaded loaded = fixture.load(fixture.write("metrics.yaml", """
          version: 1
          metrics:
            a:
              type: count
            b:
              type: count
          """));
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> loaded.problems().throwIfAny());
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
      assertThat(e.problems()).hasSize(2);
    }
  }

  @Nested
  class ExpressionLocations {

    /** The problems of a count metric whose where: is written as {@code whereLines} from line 6. */
    private List<String> where(String whereLines) {
      return fixture.problemsOf("""
          version: 1
          metrics:
            m:
              label: M
              type: count
          """ + whereLines);
    }

    private static final String UNKNOWN = ": unknown column 'partcipant' in the activity table (did you mean 'participant'?)";

    @Test
    void aPlainScalarCountsFromTheFirstCharacterOfTheValue() {
      assertThat(where("    where: event_type = 'x' and partcipant is not null\n")).containsExactly("metrics.yaml:6:33" + UNKNOWN);
    }

    @Test
    void aDoubleQuotedScalarCountsFromInsideTheQuotes() {
      // the quote is in column 12, the name starts in column 13
      assertThat(where("    where: \"partcipant is not null\"\n")).containsExactly("metrics.yaml:6:13" + UNKNOWN);
    }

    @Test
    void aSingleQuotedScalarSkipsTheQuoteAndDoubledQuotes() {
      // 12 is the quote; "event_type = ''x'' and " is 23 characters from column 13, so 13 + 23 = 36
      assertThat(where("    where: 'event_type = ''x'' and partcipant is not null'\n")).containsExactly("metrics.yaml:6:36" + UNKNOWN);
    }

    @Test
    void aPlainScalarOverTwoLinesPointsIntoTheSecondLine() {
      // "      and " is 10 characters
      assertThat(where("    where: event_type = 'x'\n      and partcipant is not null\n")).containsExactly("metrics.yaml:7:11" + UNKNOWN);
    }

    @Test
    void aLiteralBlockScalarPointsIntoItsContentLines() {
      assertThat(where("    where: |-\n      event_type = 'x'\n      and partcipant is not null\n")).containsExactly("metrics.yaml:8:11" + UNKNOWN);
    }

    @Test
    void aFoldedBlockScalarPointsIntoItsContentLines() {
      assertThat(where("    where: >-\n      event_type = 'x'\n      and partcipant is not null\n")).containsExactly("metrics.yaml:8:11" + UNKNOWN);
    }

    @Test
    void aSyntaxErrorInsideQuotesIsLocatedToo() {
      // "    where: \"" is 12 characters; "event_type = 'x' " is 17 more, so '--' starts in column 30
      assertThat(where("    where: \"event_type = 'x' -- c\"\n")).singleElement().asString()
          .startsWith("metrics.yaml:6:30: comments are not allowed in expressions");
    }

    @Test
    void anExpressionInAFlowMappingIsLocatedInItsLine() {
      // "    numerator: { metric: m, where: " is 35 characters, so the quote is in column 36
      assertThat(fixture.problemsOf("""
          version: 1
          metrics:
            m:
              label: M
              type: count
            r:
              label: R
              type: ratio
              numerator: { metric: m, where: "partcipant is not null" }
              denominator: m
          """)).containsExactly("metrics.yaml:9:37" + UNKNOWN);
    }
  }

  @Nested
  class Injection {

    private MetricYamlFixture.Loaded loadWhere(String key, String expression) {
      return fixture.load(fixture.write("metrics.yaml", """
          version: 1
          metrics:
            bad:
              label: Bad
              type: count_distinct
              %s: %s
            good:
              label: Good
              type: count
          """.formatted(key, expression)));
    }

    private void assertRejected(MetricYamlFixture.Loaded loaded, String expectedLine) {
      assertThat(loaded.lines(dir)).containsExactly(expectedLine);
      assertThat(loaded.definitions().stream().filter(d -> !(d.body() instanceof MetricBody.Unloadable)).map(MetricDefinition::id)).containsExactly("good");
      SpotlightException e = catchThrowableOfType(SpotlightException.class, () -> loaded.problems().throwIfAny());
      assertThat(e.kind()).isEqualTo(ExitKind.DEFINITION);
    }

    @Test
    void aSemicolonInWhereIsRejectedAtLoadTime() {
      // "    where: " is 11 characters; the ';' is the expression's second character.
      MetricYamlFixture.Loaded loaded = loadWhere("where", "1; drop table activity\n    of: participant");
      assertRejected(loaded, "metrics.yaml:6:13: semicolons are not allowed in expressions (an expression is a single condition or value)");
    }

    @Test
    void aCommentInWhereIsRejectedAtLoadTime() {
      // "event_type = 'x' " is 17 characters, so '--' is at column 12 + 17.
      MetricYamlFixture.Loaded loaded = loadWhere("where", "event_type = 'x' -- c\n    of: participant");
      assertThat(loaded.lines(dir)).hasSize(1);
      assertThat(loaded.lines(dir).get(0)).startsWith("metrics.yaml:6:29: comments are not allowed in expressions");
      assertRejected(loaded, loaded.lines(dir).get(0));
    }

    @Test
    void aBlockCommentInOfIsRejectedAtLoadTime() {
      MetricYamlFixture.Loaded loaded = loadWhere("of", "participant /* x */");
      assertThat(loaded.lines(dir)).hasSize(1);
      assertThat(loaded.lines(dir).get(0)).startsWith("metrics.yaml:6:21: comments are not allowed in expressions");
      assertRejected(loaded, loaded.lines(dir).get(0));
    }

    @Test
    void aSubqueryInWhereIsRejectedAtLoadTime() {
      MetricYamlFixture.Loaded loaded = loadWhere("where", "participant in (select participant from activity)\n    of: participant");
      assertThat(loaded.lines(dir)).hasSize(1);
      assertThat(loaded.lines(dir).get(0)).startsWith("metrics.yaml:6:28: subqueries are not allowed in expressions");
      assertRejected(loaded, loaded.lines(dir).get(0));
    }

    @Test
    void aSemicolonInOfIsRejectedAtLoadTime() {
      MetricYamlFixture.Loaded loaded = loadWhere("of", "participant); drop table activity; --");
      assertThat(loaded.problems().list()).hasSize(1);
      assertThat(loaded.problems().list().get(0).location().line()).isEqualTo(6);
      assertRejected(loaded, loaded.lines(dir).get(0));
    }
  }
}
