package dev.vigil.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.vigil.cloudwatch.FakeCatalog;
import dev.vigil.cloudwatch.MetricQueries;
import dev.vigil.cloudwatch.math.ExpressionQueries;
import dev.vigil.cloudwatch.math.MathException;
import dev.vigil.cloudwatch.math.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * ANOMALY_DETECTION_BAND in GetMetricData: known histories give known bands (the alarm evaluator's model), the
 * width defaults to 2, and the detector's excluded ranges are left out of the training.
 */
class AnomalyBandFunctionTest {
    static final long H = 3_600_000L;
    static final long DAY = 24 * H;
    /** The graph's range: two hours from 10:00 UTC. */
    static final long START = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    static final long END = START + 2 * H;

    /** Hourly history over the 14 days before START: 10.0 at even hours, 30.0 at odd hours, 5 points each. */
    static FakeCatalog seasonal() {
        FakeCatalog c = new FakeCatalog();
        long from = START - 14 * DAY;
        List<Double> values = new ArrayList<>();
        for (long t = from; t < START; t += H) values.add(Instant.ofEpochMilli(t).atZone(java.time.ZoneOffset.UTC)
                .getHour() % 2 == 0 ? 10.0 : 30.0);
        return c.put("App", "Latency", Map.of("Host", "a"), from, 3600, values.toArray(Double[]::new));
    }

    /** 12 hourly points ending before START, alternating 10 and 20: mean 15, stddev 5. */
    static FakeCatalog flat() {
        FakeCatalog c = new FakeCatalog();
        Double[] v = new Double[12];
        for (int i = 0; i < 12; i++) v[i] = i % 2 == 0 ? 10.0 : 20.0;
        return c.put("App", "Latency", Map.of("Host", "a"), START - 12 * H, 3600, v);
    }

    static Stream<Arguments> bands() {
        return Stream.of(
                // Too little history (under 14 days, too few points per hour): one band from all the data.
                Arguments.of("flat, k omitted", flat(), "ANOMALY_DETECTION_BAND(m1)", new double[][] {{5, 25}, {5, 25}}),
                Arguments.of("flat, k = 1", flat(), "ANOMALY_DETECTION_BAND(m1, 1)",
                        new double[][] {{10, 20}, {10, 20}}),
                Arguments.of("flat, k = 3", flat(), "ANOMALY_DETECTION_BAND(m1, 3)",
                        new double[][] {{0, 30}, {0, 30}}),
                // 14 days of an hour-of-day pattern: each hour gets its own (zero-width) band.
                Arguments.of("seasonal", seasonal(), "ANOMALY_DETECTION_BAND(m1, 2)",
                        new double[][] {{10, 10}, {30, 30}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bands")
    void knownHistoryGivesTheExpectedBand(String name, FakeCatalog c, String expression, double[][] expected) {
        List<ExpressionQueries.Result> band = run(c, BandDetectors.NONE, expression);
        assertThat(band).extracting(ExpressionQueries.Result::label).containsExactly("Lower Bound", "Upper Bound");
        for (int side = 0; side < 2; side++) {
            Series s = band.get(side).series();
            assertThat(s.timestamps()).containsExactly(START, START + H);
            for (int i = 0; i < expected.length; i++) {
                assertThat(s.values()[i]).as("%s side %d period %d", name, side, i).isCloseTo(expected[i][side],
                        offset(1e-9));
            }
        }
    }

    @Test
    void anUntrainedModelGivesEmptyBands() {
        FakeCatalog c = new FakeCatalog().put("App", "Latency", Map.of("Host", "a"), START - 3 * H, 3600, 1.0, 2.0);
        assertThat(run(c, BandDetectors.NONE, "ANOMALY_DETECTION_BAND(m1)"))
                .allSatisfy(r -> assertThat(r.series().isEmpty()).isTrue());
    }

    @Test
    void theDetectorsExcludedRangesAreNotTrainedOn() {
        // Excluding the last 6 hours leaves 6 points: not enough to train.
        AnomalyDetectorDef excluded = new AnomalyDetectorDef("k", null, "App", "Latency", List.of(), "Average", null,
                List.of(new long[] {START - 6 * H, START}), null, null);
        assertThat(run(flat(), (ns, m, d, s) -> excluded, "ANOMALY_DETECTION_BAND(m1)"))
                .allSatisfy(r -> assertThat(r.series().isEmpty()).isTrue());
    }

    @Test
    void theBandAsksForTheDetectorOfItsMetricAndStatistic() {
        List<String> asked = new ArrayList<>();
        run(flat(), (ns, m, d, s) -> {
            asked.add(ns + "/" + m + "/" + d + "/" + s);
            return BandDetectors.NONE.detectorFor(ns, m, d, s);
        }, "ANOMALY_DETECTION_BAND(m1)");
        assertThat(asked).containsExactly("App/Latency/{Host=a}/Average");
    }

    @Test
    void theArgumentsAreChecked() {
        assertThatThrownBy(() -> run(flat(), BandDetectors.NONE, "ANOMALY_DETECTION_BAND(m1 * 2)"))
                .isInstanceOf(MathException.class)
                .hasMessageContaining("Argument 1 of ANOMALY_DETECTION_BAND must be the Id of a metric");
        assertThatThrownBy(() -> run(flat(), BandDetectors.NONE, "ANOMALY_DETECTION_BAND(m1, m1)"))
                .hasMessageContaining("Argument 2 of ANOMALY_DETECTION_BAND must be a number");
        assertThatThrownBy(() -> run(flat(), BandDetectors.NONE, "ANOMALY_DETECTION_BAND()"))
                .hasMessageContaining("takes 1 to 2 arguments but was given 0");
    }

    @Test
    void theGraphsBandIsTheAlarmsBand() {
        // The alarm evaluator trains AnomalyModel on the same 14 days before its range and reads band(ts, k).
        FakeCatalog c = seasonal();
        SortedMap<Long, Double> history = c.statistic(dev.vigil.cloudwatch.MetricKey.of("App", "Latency",
                Map.of("Host", "a")), "Average", START - 14 * DAY, START, 3600);
        AnomalyModel model = AnomalyModel.train(new TreeMap<>(history), null);
        List<ExpressionQueries.Result> band = run(c, BandDetectors.NONE, "ANOMALY_DETECTION_BAND(m1, 1.5)");
        for (int i = 0; i < 2; i++) {
            assertThat(band.get(0).series().values()[i]).isEqualTo(model.band(START + i * H, 1.5)[0]);
            assertThat(band.get(1).series().values()[i]).isEqualTo(model.band(START + i * H, 1.5)[1]);
        }
    }

    static List<ExpressionQueries.Result> run(FakeCatalog c, BandDetectors detectors, String expression) {
        TreeMap<Long, Double> points = new TreeMap<>(c.statistic(dev.vigil.cloudwatch.MetricKey.of("App", "Latency",
                Map.of("Host", "a")), "Average", START, END, 3600));
        Map<String, String> props = Map.of("Namespace", "App", "MetricName", "Latency", "Dim.Host", "a",
                "Stat", "Average", "Period", "3600");
        Map<String, Series> metrics = new LinkedHashMap<>();
        metrics.put("m1", Series.of("Latency", 3600, points).withProps(props));
        return ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("m1").build(),
                        MetricDataQuery.builder().id("ad1").expression(expression).build()), metrics, START, END,
                MetricQueries.extensions(c, Instant.ofEpochMilli(END), detectors)).get("ad1");
    }
}
