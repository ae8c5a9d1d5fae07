package dev.vigil.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alarm state machine, table-driven from AWS's "Configuring how CloudWatch alarms treat missing data". */
class MetricEvaluationAlarmTest {
    static final long P = 60_000;

    /** "0" a datapoint within the threshold, "X" breaching, "-" missing; oldest first; threshold 1, > operator. */
    static List<Slot> slots(String pattern) {
        List<Slot> out = new ArrayList<>();
        String[] parts = pattern.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            Double v = switch (parts[i]) {
                case "0" -> 0.0;
                case "X" -> 5.0;
                default -> null;
            };
            out.add(Slot.of(i * P, v));
        }
        return out;
    }

    static String eval(String pattern, int n, int m, String treat) {
        MetricEvaluation.Result r = MetricEvaluation.evaluate(new MetricEvaluation.Input(slots(pattern), n, m,
                Comparison.GreaterThanThreshold, 1.0, treat, null));
        return r.state() == null ? "retain" : r.state();
    }

    /**
     * Every row of AWS's two tables in "Configuring how CloudWatch alarms treat missing data" (evaluation range 5,
     * EvaluationPeriods 3), most recent datapoint on the right, "retain" = "Retain current state". Rows marked
     * "earlier revision" are from an earlier revision of the same page (its tables had "- - - - X" and
     * "X - - - -"; the current page replaced them by the premature-alarm rows).
     */
    @ParameterizedTest(name = "{0} of 3: {1} -> missing={2} ignore={3} breaching={4} notBreaching={5}")
    @CsvSource({
            // first table: DatapointsToAlarm 3
            "3, 0 - X - X, OK,                OK,     OK,    OK",
            "3, 0 - - - -, OK,                OK,     OK,    OK",
            "3, - - - - -, INSUFFICIENT_DATA, retain, ALARM, OK",
            "3, 0 X X - X, ALARM,             ALARM,  ALARM, ALARM",
            "3, - - X - -, ALARM,             retain, ALARM, OK",
            // second table: DatapointsToAlarm 2
            "2, 0 - X - X, ALARM,             ALARM,  ALARM, ALARM",
            "2, 0 0 X 0 X, ALARM,             ALARM,  ALARM, ALARM",
            "2, 0 - X - -, OK,                OK,     ALARM, OK",
            "2, - - - - 0, OK,                OK,     ALARM, OK",
            "2, - - - X -, ALARM,             retain, ALARM, OK",
            // earlier revision of the same tables
            "3, - - - - X, INSUFFICIENT_DATA, retain, ALARM, OK",
            "3, X - - - -, ALARM,             retain, ALARM, OK",
            "2, - - - - X, INSUFFICIENT_DATA, retain, ALARM, OK",
    })
    void awsMissingDataTables(int m, String data, String missing, String ignore, String breaching, String notBreaching) {
        assertThat(eval(data, 3, m, "missing")).isEqualTo(missing);
        assertThat(eval(data, 3, m, "ignore")).isEqualTo(ignore);
        assertThat(eval(data, 3, m, "breaching")).isEqualTo(breaching);
        assertThat(eval(data, 3, m, "notBreaching")).isEqualTo(notBreaching);
    }

    /** "The alarm does not go immediately into ALARM state when the data is either - - - - X or - - - X -" (M = 3). */
    @ParameterizedTest(name = "premature: {0} M={1} -> {2}")
    @CsvSource({
            "- - - - X, 3, INSUFFICIENT_DATA",
            "- - - X -, 3, INSUFFICIENT_DATA",
            "- - X - -, 3, ALARM",
            "- - - X 0, 3, OK",
            "- - X - 0, 3, OK",
            "- - - X -, 2, ALARM",
            "- - - - X, 1, ALARM",
    })
    void prematureAlarmRule(String data, int m, String expected) {
        assertThat(eval(data, 3, m, "missing")).isEqualTo(expected);
    }

    /** "Uses missing data points only as few times as possible": only the gaps N - real are filled, newest first. */
    @Test
    void breachingFillsOnlyTheShortfall() {
        MetricEvaluation.Result r = MetricEvaluation.evaluate(new MetricEvaluation.Input(slots("0 - - - -"), 3, 3,
                Comparison.GreaterThanThreshold, 1.0, "breaching", null));
        assertThat(r.state()).isEqualTo("OK");
        assertThat(r.breaching()).isEqualTo(2);
        assertThat(r.missingTreated()).isEqualTo(2);
        assertThat(r.evaluated()).extracting(Slot::timestamp).containsExactly(0L, 3 * P, 4 * P);
        // the next evaluation, once the real datapoint has left the range, alarms (AWS's note on that row)
        assertThat(eval("- - - - -", 3, 3, "breaching")).isEqualTo("ALARM");
    }

    @Test
    void dynamoDbAlarmsAlwaysIgnoreMissingData() {
        AlarmConfig c = new AlarmConfig(AlarmConfig.METRIC, null, true, List.of(), List.of(), List.of(), "AWS/DynamoDB",
                "ThrottledRequests", List.of(), "Sum", null, null, 60, 1, null, 1.0, "GreaterThanThreshold", "breaching",
                null, null, null, null, null, null, null);
        assertThat(c.effectiveTreatMissingData()).isEqualTo("ignore");
        assertThat(config(1, null, null).effectiveTreatMissingData()).isEqualTo("missing");
        assertThat(config(1, null, "notBreaching").effectiveTreatMissingData()).isEqualTo("notBreaching");
    }

    @ParameterizedTest(name = "3 of 5: {0} -> {1}")
    @CsvSource({
            "- - X 0 X 0 X, ALARM",
            "- - X 0 X 0 0, OK",
            "- - X X X 0 0, ALARM",
            "- - 0 0 X X 0, OK",
            "X X 0 0 0 X X, OK",
    })
    void mOfN(String data, String expected) {
        assertThat(eval(data, 5, 3, "missing")).isEqualTo(expected);
    }

    @Test
    void comparisonOperatorsAndBands() {
        Slot s = new Slot(0, 1.0, 1.0, 0.5, 0.9);
        assertThat(Comparison.GreaterThanOrEqualToThreshold.breaches(s, 1.0)).isTrue();
        assertThat(Comparison.GreaterThanThreshold.breaches(s, 1.0)).isFalse();
        assertThat(Comparison.LessThanThreshold.breaches(s, 1.0)).isFalse();
        assertThat(Comparison.LessThanOrEqualToThreshold.breaches(s, 1.0)).isTrue();
        assertThat(Comparison.GreaterThanUpperThreshold.breaches(s, 0)).isTrue();
        assertThat(Comparison.LessThanLowerThreshold.breaches(s, 0)).isFalse();
        assertThat(Comparison.LessThanLowerOrGreaterThanUpperThreshold.breaches(s, 0)).isTrue();
    }

    @Test
    void lowSampleCountPercentileKeepsState() {
        assertThat(MetricEvaluation.minimumSamples("p99")).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MetricEvaluation.minimumSamples("p90")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MetricEvaluation.minimumSamples("p50")).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-6));
        // below the median AWS uses 10 / p: p10 needs 100 samples, p25 40
        assertThat(MetricEvaluation.minimumSamples("p10")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MetricEvaluation.minimumSamples("p25")).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MetricEvaluation.minimumSamples("p100")).isNull();
        assertThat(MetricEvaluation.minimumSamples("tm90")).isNull();
        List<Slot> range = List.of(new Slot(0, 5.0, 3.0, null, null));
        MetricEvaluation.Result r = MetricEvaluation.evaluate(new MetricEvaluation.Input(range, 1, 1,
                Comparison.GreaterThanThreshold, 1.0, "missing", 100.0));
        assertThat(r.state()).isNull();
        r = MetricEvaluation.evaluate(new MetricEvaluation.Input(range, 1, 1, Comparison.GreaterThanThreshold, 1.0,
                "missing", null));
        assertThat(r.state()).isEqualTo("ALARM");
    }

    static AlarmConfig config(int n, Integer m, String treat) {
        return new AlarmConfig(AlarmConfig.METRIC, null, true, List.of(), List.of(), List.of(), "ns", "m", List.of(),
                "Average", null, null, 60, n, m, 1.0, "GreaterThanThreshold", treat, null, null, null, null, null, null, null);
    }

    @Test
    void stateReasonsInAwsFormat() {
        long t0 = java.time.Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();
        List<Slot> range = new ArrayList<>();
        double[] v = {0, 0, 5, 0, 5, 0, 5};
        for (int i = 0; i < v.length; i++) range.add(new Slot(t0 + i * P, v[i], 1.0, null, null));
        MetricEvaluation.Result r = MetricEvaluation.evaluate(new MetricEvaluation.Input(range, 5, 3,
                Comparison.GreaterThanThreshold, 1.0, "missing", null));
        assertThat(r.state()).isEqualTo("ALARM");
        assertThat(StateReasons.reason(r, config(5, 3, null), "OK")).isEqualTo("Threshold Crossed: 3 out of the last 5"
                + " datapoints [5.0 (30/11/26 12:06:00), 5.0 (30/11/26 12:04:00), 5.0 (30/11/26 12:02:00)] were greater"
                + " than the threshold (1.0) (minimum 3 datapoints for OK -> ALARM transition).");
        String data = StateReasons.reasonData(r, config(5, 3, null), t0 + 7 * P + 1234);
        assertThat(data).isEqualTo("{\"version\":\"1.0\",\"queryDate\":\"2026-11-30T12:07:01.234+0000\","
                + "\"startDate\":\"2026-11-30T12:02:00.000+0000\",\"statistic\":\"Average\",\"period\":60,"
                + "\"recentDatapoints\":[5.0,0.0,5.0,0.0,5.0],\"threshold\":1.0,\"evaluatedDatapoints\":["
                + "{\"timestamp\":\"2026-11-30T12:06:00.000+0000\",\"sampleCount\":1.0,\"value\":5.0},"
                + "{\"timestamp\":\"2026-11-30T12:04:00.000+0000\",\"sampleCount\":1.0,\"value\":5.0},"
                + "{\"timestamp\":\"2026-11-30T12:02:00.000+0000\",\"sampleCount\":1.0,\"value\":5.0}]}");

        List<Slot> one = List.of(new Slot(t0, 0.5, 1.0, null, null));
        r = MetricEvaluation.evaluate(new MetricEvaluation.Input(one, 1, 1, Comparison.GreaterThanThreshold, 1.0, "missing", null));
        assertThat(StateReasons.reason(r, config(1, null, null), "ALARM"))
                .isEqualTo("Threshold Crossed: 1 datapoint [0.5 (30/11/26 12:00:00)] was not greater than the threshold (1.0).");
        assertThat(StateReasons.reason(r, config(1, 1, null), "ALARM")).isEqualTo("Threshold Crossed: 1 out of the last 1"
                + " datapoints [0.5 (30/11/26 12:00:00)] was not greater than the threshold (1.0) (minimum 1 datapoint for"
                + " ALARM -> OK transition).");

        r = MetricEvaluation.evaluate(new MetricEvaluation.Input(slots("- - -"), 1, 1, Comparison.GreaterThanThreshold,
                1.0, "breaching", null));
        assertThat(StateReasons.reason(r, config(1, null, "breaching"), "OK")).isEqualTo("Threshold Crossed: no datapoints"
                + " were received for 1 period and 1 missing datapoint was treated as [Breaching].");
        r = MetricEvaluation.evaluate(new MetricEvaluation.Input(slots("- - - - - - -"), 5, 3,
                Comparison.GreaterThanThreshold, 1.0, "missing", null));
        assertThat(StateReasons.reason(r, config(5, 3, null), "OK")).isEqualTo("Insufficient Data: 5 datapoints were unknown.");
        assertThat(StateReasons.reasonData(r, config(5, 3, null), t0)).isEqualTo("{\"version\":\"1.0\",\"queryDate\":"
                + "\"2026-11-30T12:00:00.000+0000\",\"statistic\":\"Average\",\"period\":60,\"recentDatapoints\":[],"
                + "\"threshold\":1.0,\"evaluatedDatapoints\":[{\"timestamp\":\"1970-01-01T00:06:00.000+0000\"},"
                + "{\"timestamp\":\"1970-01-01T00:05:00.000+0000\"},{\"timestamp\":\"1970-01-01T00:04:00.000+0000\"},"
                + "{\"timestamp\":\"1970-01-01T00:03:00.000+0000\"},{\"timestamp\":\"1970-01-01T00:02:00.000+0000\"}]}");
    }

    /** A real DynamoDB alarm's state (EvaluationPeriods 2, no DatapointsToAlarm, Sum over 60 s, threshold 42). */
    @Test
    void awsShortFormExample() {
        long t = java.time.Instant.parse("2023-01-09T13:59:00Z").toEpochMilli();
        List<Slot> range = List.of(Slot.of(t, null), Slot.of(t + P, null), new Slot(t + 2 * P, 1.0, 1.0, null, null),
                new Slot(t + 3 * P, 0.0, 1.0, null, null));
        AlarmConfig c = new AlarmConfig(AlarmConfig.METRIC, null, true, List.of(), List.of(), List.of(), "AWS/DynamoDB",
                "ConsumedWriteCapacityUnits", List.of(), "Sum", null, null, 60, 2, null, 42.0, "GreaterThanThreshold", null,
                null, null, null, null, null, null, null);
        MetricEvaluation.Result r = MetricEvaluation.evaluate(new MetricEvaluation.Input(range, 2, 2,
                Comparison.GreaterThanThreshold, 42.0, "missing", null));
        assertThat(r.state()).isEqualTo("OK");
        assertThat(StateReasons.reason(r, c, "ALARM")).isEqualTo("Threshold Crossed: 2 datapoints [0.0 (09/01/23 14:02:00),"
                + " 1.0 (09/01/23 14:01:00)] were not greater than the threshold (42.0).");
        assertThat(StateReasons.reasonData(r, c, java.time.Instant.parse("2023-01-09T14:07:25.504Z").toEpochMilli()))
                .isEqualTo("{\"version\":\"1.0\",\"queryDate\":\"2023-01-09T14:07:25.504+0000\",\"startDate\":"
                        + "\"2023-01-09T14:01:00.000+0000\",\"statistic\":\"Sum\",\"period\":60,\"recentDatapoints\":"
                        + "[1.0,0.0],\"threshold\":42.0,\"evaluatedDatapoints\":[{\"timestamp\":\"2023-01-09T14:02:00.000+0000\","
                        + "\"sampleCount\":1.0,\"value\":0.0}]}");
    }
}
