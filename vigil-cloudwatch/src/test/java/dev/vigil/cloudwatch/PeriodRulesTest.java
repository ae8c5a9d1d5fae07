package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MetricStat.Period and GetMetricStatistics as the API reference words them. */
class PeriodRulesTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @ParameterizedTest(name = "period {0} valid: {1}")
    @CsvSource({"1, true", "5, true", "10, true", "20, true", "30, true", "60, true", "120, true", "86400, true",
        "0, false", "2, false", "15, false", "45, false", "90, false", "-60, false"})
    void periodsAreOneFiveTenTwentyThirtyOrMultiplesOfSixty(int period, boolean valid) {
        assertThat(PeriodRules.isValidPeriod(period)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "start {0} ago -> resolution {1}")
    @CsvSource({"PT1M, 1", "PT3H, 1", "PT3H1S, 60", "P15D, 60", "P15DT1S, 300", "P63D, 300", "P63DT1S, 3600", "P400D, 3600"})
    void startTimeAgeSelectsTheTier(String age, int resolution) {
        assertThat(PeriodRules.resolutionAt(NOW.minus(Duration.parse(age)), NOW)).isEqualTo(resolution);
    }

    @ParameterizedTest(name = "period {0}, start {1} ago serves data: {2}")
    @CsvSource({"1, PT2H, true", "1, PT4H, false", "30, PT4H, false", "60, PT4H, true", "60, P16D, false",
        "300, P16D, true", "600, P16D, true", "300, P64D, false", "3600, P64D, true"})
    void olderStartsNeedMultiplesOfTheTier(int period, String age, boolean serves) {
        // "you must specify the period as follows or no data points in that time range is returned"
        assertThat(PeriodRules.servesData(period, NOW.minus(Duration.parse(age)), NOW)).isEqualTo(serves);
    }

    @ParameterizedTest(name = "start {0} rounds to {1}")
    @CsvSource({"2026-11-30T12:32:34.500Z, 2026-11-30T12:32:00Z", "2026-11-01T12:32:34Z, 2026-11-01T12:30:00Z",
        "2026-08-01T12:32:34Z, 2026-08-01T12:00:00Z"})
    void startTimeIsRoundedDownByAge(String start, String rounded) {
        Instant now = Instant.parse("2026-11-30T12:40:00Z");
        assertThat(PeriodRules.roundStart(Instant.parse(start), now)).isEqualTo(Instant.parse(rounded).toEpochMilli());
    }

    @ParameterizedTest(name = "{0} .. {1} at {2}: {3} datapoints")
    @CsvSource({"2026-11-30T00:00:00Z, 2026-12-01T00:00:00Z, 60, 1440", "2026-11-30T00:00:00Z, 2026-12-01T00:00:00Z, 1, 86400",
        "2026-11-30T00:00:00Z, 2026-12-01T00:00:30Z, 60, 1440"})
    void requestedDatapointsCountWholePeriods(String start, String end, int period, long expected) {
        assertThat(PeriodRules.requestedDatapoints(Instant.parse(start), Instant.parse(end), period)).isEqualTo(expected);
    }
}
