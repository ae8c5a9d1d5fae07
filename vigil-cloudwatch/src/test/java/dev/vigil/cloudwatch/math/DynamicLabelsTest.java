package dev.vigil.cloudwatch.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Dynamic labels, table-driven from the "Use dynamic labels" table: a series with the values 10, 40, 25 at
 * 10:00, 10:01 and 10:02 (minimum 10 at 10:00, maximum 40 at 10:01), rendered at 10:05.
 */
class DynamicLabelsTest {
    static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    static final Series SERIES = new Series("CPUUtilization", 60, new long[] {T0, T0 + 60_000, T0 + 120_000},
            new double[] {10, 40, 25}, Map.of("Namespace", "AWS/EC2", "MetricName", "CPUUtilization",
                    "Dim.InstanceId", "i-1234", "Stat", "Average", "Period", "60", "AccountId", "123456789012",
                    "Region", "us-east-1"));
    static final long NOW = T0 + 5 * 60_000;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "${AVG}|25",
            "${SUM}|75",
            "${MIN}|10",
            "${MAX}|40",
            "${FIRST}|10",
            "${LAST}|25",
            "${DATAPOINT_COUNT}|3",
            "${FIRST_LAST_RANGE}|15",
            "${MIN_MAX_RANGE}|30",
            "${FIRST_TIME}|2026-11-30T10:00:00Z",
            "${LAST_TIME}|2026-11-30T10:02:00Z",
            "${MIN_TIME}|2026-11-30T10:00:00Z",
            "${MAX_TIME}|2026-11-30T10:01:00Z",
            "${FIRST_LAST_TIME_RANGE}|PT2M",
            "${MIN_MAX_TIME_RANGE}|PT1M",
            "${FIRST_TIME_RELATIVE}|PT5M",
            "${LAST_TIME_RELATIVE}|PT3M",
            "${LABEL}|CPUUtilization",
            "${PROP('Dim.InstanceId')}|i-1234",
            "${PROP('MetricName')}|CPUUtilization",
            "${PROP('Namespace')}|AWS/EC2",
            "${PROP('Period')}|60",
            "${PROP('Stat')}|Average",
            "${PROP('AccountId')}|123456789012",
            "${PROP('Region')}|us-east-1",
            "${PROP('Dim.Missing')}|''",
            "[max: ${MAX} Errors for Function Name ${LABEL}]|[max: 40 Errors for Function Name CPUUtilization]",
            "${PROP('Dim.InstanceId')} avg ${AVG} last ${LAST}|i-1234 avg 25 last 25",
            "${NOT_A_PLACEHOLDER} stays|${NOT_A_PLACEHOLDER} stays",
            "plain label|plain label"})
    void rendersTheDocumentedPlaceholders(String template, String expected) {
        assertThat(DynamicLabels.render(template, SERIES, "CPUUtilization", NOW)).isEqualTo(expected);
    }

    @Test
    void statisticsOfAnEmptySeriesAreEmpty() {
        Series empty = new Series("x", 60, new long[0], new double[0]);
        assertThat(DynamicLabels.render("avg=${AVG} n=${DATAPOINT_COUNT}", empty, "x", NOW)).isEqualTo("avg= n=0");
    }

    @Test
    void numbersAreWrittenInTheirShortestForm() {
        assertThat(DynamicLabels.number(2.5)).isEqualTo("2.5");
        assertThat(DynamicLabels.number(100)).isEqualTo("100");
        assertThat(DynamicLabels.number(1.0 / 3)).isEqualTo("0.3333333333333333");
    }

    @Test
    void onlyLabelsWithPlaceholdersAreDynamic() {
        assertThat(DynamicLabels.isDynamic("${AVG}")).isTrue();
        assertThat(DynamicLabels.isDynamic("cost in $")).isFalse();
        assertThat(DynamicLabels.isDynamic(null)).isFalse();
    }

    @Test
    void expressionResultsRenderTheirLabelWithTheirOwnValues() {
        var results = ExpressionQueries.evaluate(List.of(
                        MetricDataQuery.builder().id("m1").build(),
                        MetricDataQuery.builder().id("e1").expression("m1 * 2").label("Doubled (max ${MAX}) ${LABEL}").build()),
                Map.of("m1", SERIES), T0, T0 + 180_000);
        assertThat(results.get("e1").get(0).label()).isEqualTo("Doubled (max 80) e1");
    }
}
