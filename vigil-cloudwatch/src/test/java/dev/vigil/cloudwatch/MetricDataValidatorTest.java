package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.EntityMetricData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * PutMetricData's rules, one row per rule: the datum, AWS's error code and message. Messages AWS is known to
 * send verbatim (quoted in client bug reports and AWS-validated test suites) are marked "verified".
 */
class MetricDataValidatorTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String P = "MetricData.member.1";

    static MetricDatum.Builder datum() {
        return MetricDatum.builder().metricName("Latency");
    }

    static Arguments row(String rule, UnaryOperator<MetricDatum.Builder> d, String code, String message) {
        return Arguments.of(rule, d, code, message);
    }

    static Stream<Arguments> rejections() {
        StatisticSet stats = StatisticSet.builder().sampleCount(10.0).sum(55.0).minimum(1.0).maximum(10.0).build();
        List<Double> many = Collections.nCopies(151, 1.0);
        return Stream.of(
            // verified
            row("Value and Values", d -> d.value(1.5).values(1.0, 10.0), "InvalidParameterCombination",
                "The parameters " + P + ".Value and " + P + ".Values are mutually exclusive and you have specified both."),
            // verified
            row("Value and StatisticValues", d -> d.value(1.5).statisticValues(stats), "InvalidParameterCombination",
                "The parameters " + P + ".Value and " + P + ".StatisticValues are mutually exclusive and you have specified both."),
            row("no value at all", d -> d, "InvalidParameterCombination",
                "At least one of the parameters " + P + ".Value, " + P + ".Values, " + P + ".StatisticValues must be specified."),
            // verified
            row("Values and Counts of different sizes", d -> d.values(1.0, 10.0).counts(2.0, 4.0, 5.0), "InvalidParameterValue",
                "The parameters " + P + ".Values and " + P + ".Counts must be of the same size."),
            // verified
            row("151 values", d -> d.values(many).counts(many), "InvalidParameterValue",
                "The collection " + P + ".Values must not have a size greater than 150.\n"
                    + "The collection " + P + ".Counts must not have a size greater than 150."),
            // verified (seen with NaN printed by a client)
            row("NaN", d -> d.value(Double.NaN), "InvalidParameterValue", "The value NaN for parameter " + P + ".Value is invalid."),
            row("+Infinity", d -> d.value(Double.POSITIVE_INFINITY), "InvalidParameterValue",
                "The value Infinity for parameter " + P + ".Value is invalid."),
            row("-Infinity in Values", d -> d.values(1.0, Double.NEGATIVE_INFINITY), "InvalidParameterValue",
                "The value -Infinity for parameter " + P + ".Values is invalid."),
            row("beyond 2^360", d -> d.value(Math.scalb(1.0, 361)), "InvalidParameterValue",
                "The value " + Math.scalb(1.0, 361) + " for parameter " + P + ".Value is invalid."),
            row("negative count", d -> d.values(1.0).counts(-1.0), "InvalidParameterValue",
                "The value -1.0 for parameter " + P + ".Counts is invalid."),
            // verified
            row("StorageResolution 5", d -> d.value(1.0).storageResolution(5), "InvalidParameterValue",
                "The parameter " + P + ".StorageResolution must be a value in the set [ 1, 60 ]."),
            // verified
            row("unknown unit", d -> d.value(1.0).unit("Furlongs"), "InvalidParameterValue",
                "The parameter " + P + ".Unit must be a value in the set [ Seconds, Microseconds, Milliseconds, Bytes,"
                    + " Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent,"
                    + " Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second,"
                    + " Bits/Second, Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None ]."),
            // verified
            row("more than two weeks old", d -> d.value(1.0).timestamp(NOW.minus(Duration.ofDays(14)).minusSeconds(1)),
                "InvalidParameterValue", "The parameter " + P + ".Timestamp must specify a time within the past two weeks."),
            row("more than two hours ahead", d -> d.value(1.0).timestamp(NOW.plus(Duration.ofHours(2)).plusSeconds(1)),
                "InvalidParameterValue", "The parameter " + P + ".Timestamp must specify a time no more than two hours in the future."),
            row("statistic set without Sum", d -> d.statisticValues(StatisticSet.builder().sampleCount(1.0).minimum(1.0)
                .maximum(1.0).build()), "MissingParameter", "The parameter " + P + ".StatisticValues.Sum is required."),
            row("statistic set min > max", d -> d.statisticValues(stats.toBuilder().minimum(11.0).build()),
                "InvalidParameterValue", "The parameter " + P + ".StatisticValues.Maximum must be greater than "
                    + P + ".StatisticValues.Minimum."),
            row("statistic set of no samples", d -> d.statisticValues(stats.toBuilder().sampleCount(0.0).build()),
                "InvalidParameterValue", "The parameter " + P + ".StatisticValues.SampleCount must not equal 0."),
            row("statistic set with NaN", d -> d.statisticValues(stats.toBuilder().sum(Double.NaN).build()),
                "InvalidParameterValue", "The value NaN for parameter " + P + ".StatisticValues.Sum is invalid."),
            row("no metric name", d -> d.metricName(null).value(1.0), "MissingParameter", "The parameter " + P + ".MetricName is required."),
            row("dimension without value", d -> d.value(1.0).dimensions(Dimension.builder().name("Host").build()),
                "MissingParameter", "The parameter " + P + ".Dimensions.member.1.Value is required.")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejects(String rule, UnaryOperator<MetricDatum.Builder> d, String code, String message) {
        assertThatThrownBy(() -> MetricDataValidator.validate("Vigil/Test", List.of(d.apply(datum()).build()), null, false, NOW))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(queryCode(e)).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    /** The awsQuery code the codecs derive from the shape name the validator throws. */
    static String queryCode(AwsException e) {
        return switch (e.code()) {
            case CloudWatchErrors.INVALID_PARAMETER_VALUE -> "InvalidParameterValue";
            case CloudWatchErrors.MISSING_PARAMETER -> "MissingParameter";
            case CloudWatchErrors.INVALID_PARAMETER_COMBINATION -> "InvalidParameterCombination";
            default -> e.code();
        };
    }

    @Test
    void namespaceRules() {
        // verified: AWS names the reserved prefix, not the whole namespace
        assertThatThrownBy(() -> MetricDataValidator.validate("AWS/EC2", List.of(datum().value(1.0).build()), null, false, NOW))
                .hasMessage("The value AWS/ for parameter Namespace is invalid.");
        assertThatThrownBy(() -> MetricDataValidator.validate(null, List.of(datum().value(1.0).build()), null, false, NOW))
                .hasMessage("The parameter Namespace is required.");
        assertThat(MetricDataValidator.validate("AWS/Logs", List.of(datum().value(1.0).build()), null, true, NOW)).hasSize(1);
    }

    @Test
    void batchLimitsCountBothCollections() {
        List<MetricDatum> thousand = new ArrayList<>(Collections.nCopies(1000, datum().value(1.0).build()));
        assertThat(MetricDataValidator.validate("Vigil/Test", thousand, null, false, NOW)).hasSize(1000);
        thousand.add(datum().value(1.0).build());
        // verified (with AWS's earlier limit of 20)
        assertThatThrownBy(() -> MetricDataValidator.validate("Vigil/Test", thousand, null, false, NOW))
                .hasMessage("The collection MetricData must not have a size greater than 1000.");
        List<EntityMetricData> entity = List.of(EntityMetricData.builder().metricData(datum().value(1.0).build()).build());
        assertThatThrownBy(() -> MetricDataValidator.validate("Vigil/Test", thousand.subList(0, 1000), entity, false, NOW))
                .hasMessage("The collection MetricData must not have a size greater than 1000.");
        assertThatThrownBy(() -> MetricDataValidator.validate("Vigil/Test", List.of(), null, false, NOW))
                .hasMessage("The parameter MetricData is required.");
    }

    @Test
    void valueProblemsOfTheWholeBatchAreAnsweredTogether() {
        // verified form: one line per datum, the batch rejected as a whole
        List<MetricDatum> data = List.of(datum().value(1.0).timestamp(NOW.minus(Duration.ofDays(20))).build(),
                datum().value(2.0).build(), datum().value(3.0).timestamp(NOW.minus(Duration.ofDays(30))).build());
        assertThatThrownBy(() -> MetricDataValidator.validate("Vigil/Test", data, null, false, NOW))
                .hasMessage("The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.\n"
                        + "The parameter MetricData.member.3.Timestamp must specify a time within the past two weeks.");
    }

    @Test
    void entityMetricDataIsNamedByItsPath() {
        List<EntityMetricData> entity = List.of(EntityMetricData.builder().metricData(datum().value(1.0).build(),
                datum().value(Double.NaN).build()).build());
        assertThatThrownBy(() -> MetricDataValidator.validate("Vigil/Test", null, entity, false, NOW))
                .hasMessage("The value NaN for parameter EntityMetricData.member.1.MetricData.member.2.Value is invalid.");
    }

    @Test
    void edgesOfTheAcceptedRanges() {
        List<MetricDatum> ok = List.of(
                datum().value(Math.scalb(1.0, 360)).timestamp(NOW.minus(Duration.ofDays(14))).build(),
                datum().value(-Math.scalb(1.0, 360)).timestamp(NOW.plus(Duration.ofHours(2))).build(),
                datum().value(0.0).build(), datum().value(1e-300).storageResolution(1).unit("Count/Second").build());
        assertThat(MetricDataValidator.validate("Vigil/Test", ok, null, false, NOW)).hasSize(4);
    }

    @Test
    void datumsBecomeSamples() {
        Instant t = Instant.parse("2026-11-30T11:58:31.750Z");
        List<Sample> s = MetricDataValidator.validate("Vigil/Test", List.of(
                datum().value(2.0).timestamp(t).dimensions(Dimension.builder().name("b").value("2").build(),
                        Dimension.builder().name("a").value("1").build()).build(),
                datum().values(1.0, 10.0).counts(2.0, 4.0).unit("Count").storageResolution(1).timestamp(t).build(),
                datum().statisticValues(StatisticSet.builder().sampleCount(4.0).sum(10.0).minimum(1.0).maximum(4.0).build()).build(),
                datum().values(5.0).counts(0.0).build()), null, false, NOW);
        assertThat(s).hasSize(3); // the datum of zero samples stores nothing
        assertThat(s.get(0).key().dimensions()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(s.get(0).point()).isEqualTo(new Point(Instant.parse("2026-11-30T11:58:00Z").toEpochMilli(), 60, "None",
                1, 2, 2, 2, null));
        Point values = s.get(1).point();
        assertThat(values.timestamp()).isEqualTo(Instant.parse("2026-11-30T11:58:31Z").toEpochMilli());
        assertThat(values.resolution()).isEqualTo(1);
        assertThat(values.sampleCount()).isEqualTo(6);
        assertThat(values.sum()).isEqualTo(42);
        assertThat(values.values()).isEqualTo(Distribution.of(new double[] {1, 10}, new double[] {2, 4}));
        Point set = s.get(2).point();
        assertThat(set.timestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(set.distribution()).isNull(); // percentiles unavailable for a statistic set
    }

    @Test
    void highResolutionPointsAtTheThreeHourHorizonAreStoredAtOneMinute() {
        Instant old = NOW.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(56)).plusMillis(1500);
        Point p = MetricDataValidator.validate("Vigil/Test", List.of(datum().value(1.0).storageResolution(1).timestamp(old)
                .build()), null, false, NOW).get(0).point();
        assertThat(p.resolution()).isEqualTo(60);
        assertThat(p.timestamp() % 60_000).isZero();
    }
}
