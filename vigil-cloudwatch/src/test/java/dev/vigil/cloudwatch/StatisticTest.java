package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics engine against the definitions on AWS's "CloudWatch statistics definitions" page, worked on the
 * values 1..100 (one sample each), where each definition's example has an exact answer.
 */
class StatisticTest {
    /** 1, 2, ..., 100. */
    static final Summary ONE_TO_HUNDRED = summary(IntStream.rangeClosed(1, 100).asDoubleStream().toArray());

    static Summary summary(double... values) {
        Summary.Accumulator a = new Summary.Accumulator();
        for (double v : values) a.add(new Point(0, 60, "None", 1, v, v, v, null));
        return a.summary();
    }

    @ParameterizedTest(name = "{0} of 1..100 = {1}")
    @CsvSource({
        // pN: "95 percent of the data within the period is lower than this value" (nearest rank)
        "p90, 90", "p50, 50", "p99.5, 100", "p0, 1", "p100, 100", "p0.5, 1", "p12.34, 13",
        // "tm90 calculates the average after removing the 10% of data points with the highest values"
        "tm90, 45.5",
        // "TM(2%:98%) calculates the average after removing the 2% lowest data points and the 2% of highest"
        "TM(2%:98%), 50.5", "tm(2%:98%), 50.5", "TM(:95%), 48",
        // "IQM is the trimmed mean of the interquartile range, or the middle 50% of values ... TM(25%:75%)"
        "IQM, 50.5", "TM(25%:75%), 50.5",
        // "wm98 calculates the average while treating the highest 2% of values as equal to the value at the
        // 98th percentile"
        "wm98, 50.47",
        // "WM(10%:90%) treats the highest 10% of data points as the value of the 90% boundary, and the lowest
        // 10% as the value of the 10% boundary" (here 11 and 90: 1..10 -> 11, 91..100 -> 90)
        "WM(10%:90%), 50.5",
        // "PR(:300) returns the percentage of data points that have a value of 300 or less"; lower bound excluded
        "PR(:30), 30", "PR(10:20), 10", "PR(:300), 100", "PR(100:2000), 0",
        // "tc90 returns the number of data points not including any data points that fall in the highest 10%"
        "tc90, 90", "ts90, 4095", "TC(10%:90%), 80", "TS(10%:90%), 4040",
        // basic statistics
        "SampleCount, 100", "Sum, 5050", "Average, 50.5", "Minimum, 1", "Maximum, 100",
    })
    void definitionsOnOneToHundred(String stat, double expected) {
        Statistic s = Statistic.parse(stat);
        assertThat(s).as(stat).isNotNull();
        assertThat(s.evaluate(ONE_TO_HUNDRED).getAsDouble()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void valueBoundsExcludeTheLowerAndIncludeTheUpperBound() {
        // "TM(150:1000) calculates the average after removing all data points that are lower than or equal to
        // 150, or higher than 1000."
        Summary s = summary(100, 150, 200, 1000, 1500);
        assertThat(Statistic.parse("TM(150:1000)").evaluate(s).getAsDouble()).isEqualTo(600);
        assertThat(Statistic.parse("TC(150:1000)").evaluate(s).getAsDouble()).isEqualTo(2);
        assertThat(Statistic.parse("TS(150:1000)").evaluate(s).getAsDouble()).isEqualTo(1200);
        // Winsorized with value bounds: values outside take the bound itself.
        assertThat(Statistic.parse("WM(150:1000)").evaluate(s).getAsDouble()).isEqualTo((150 + 150 + 200 + 1000 + 1000) / 5.0);
        assertThat(Statistic.parse("TM(2000:)").evaluate(s)).isEmpty();
    }

    @Test
    void countsWeighTheValues() {
        // Values [1, 10] with Counts [2, 4]: six samples 1, 1, 10, 10, 10, 10.
        Summary s = new Summary.Accumulator().add(new Point(0, 60, "Count", 6, 42, 1, 10,
                Distribution.of(new double[] {1, 10}, new double[] {2, 4}))).summary();
        assertThat(Statistic.parse("p33").evaluate(s).getAsDouble()).isEqualTo(1);
        assertThat(Statistic.parse("p34").evaluate(s).getAsDouble()).isEqualTo(10);
        assertThat(Statistic.parse("Average").evaluate(s).getAsDouble()).isEqualTo(7);
        assertThat(Statistic.parse("PR(:1)").evaluate(s).getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void percentilesNeedRawValuesAndNoNegatives() {
        // "CloudWatch needs raw data points to calculate percentile statistics": a statistic set with
        // Minimum < Maximum has none; "not available for metrics when any of the metric values are negative".
        Summary statisticSet = new Summary.Accumulator().add(new Point(0, 60, "None", 4, 10, 1, 4, null)).summary();
        assertThat(Statistic.parse("p50").evaluate(statisticSet)).isEmpty();
        assertThat(Statistic.parse("tm90").evaluate(statisticSet)).isEmpty();
        assertThat(Statistic.parse("Sum").evaluate(statisticSet)).isEqualTo(OptionalDouble.of(10));
        // "... if the Min and the Max values of the statistic set are equal": then every sample is that value.
        Summary constant = new Summary.Accumulator().add(new Point(0, 60, "None", 3, 15, 5, 5, null)).summary();
        assertThat(Statistic.parse("p10").evaluate(constant)).isEqualTo(OptionalDouble.of(5));
        Summary negative = summary(-1, 2, 3);
        assertThat(Statistic.parse("p50").evaluate(negative)).isEmpty();
        assertThat(Statistic.parse("TM(10%:90%)").evaluate(negative)).isEmpty();
        assertThat(Statistic.parse("PR(0:3)").evaluate(negative).getAsDouble()).isCloseTo(200.0 / 3, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p101", "p-1", "p", "P50", "p50.", "pfoo", "tm", "tm101", "TM(90%:10%)", "TM(:)",
        "PR(10%:20%)", "TM(10%:200)", "TM(10%:90)", "TM(a:b)", "TM(10%:90%", "average", "SUM", "iqm2", "TM(-5%:90%)"})
    void rejectsWhatIsNotAStatistic(String text) {
        assertThat(Statistic.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"p99.99", "p0.0", "p100", "TM(10%:90%)", "tm(10%:90%)", "TM(:90%)", "TM(150:)",
        "IQM", "iqm", "PR(:300)", "PR(100:2000)", "wm98", "tc90", "ts90", "TS(1.5:2e3)", "p99.1234567890"})
    void acceptsTheDocumentedSpellings(String text) {
        assertThat(Statistic.parseExtended(text)).isNotNull();
        assertThat(Statistic.parseExtended(text).name()).isEqualTo(text);
    }

    @Test
    void basicStatisticsAreNotExtended() {
        assertThat(Statistic.parseExtended("Sum")).isNull();
        assertThat(Statistic.basic("p50")).isNull();
    }
}
