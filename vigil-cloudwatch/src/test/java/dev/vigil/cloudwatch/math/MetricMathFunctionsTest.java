package dev.vigil.cloudwatch.math;

import static dev.vigil.cloudwatch.math.Fixtures.assertSlots;
import static dev.vigil.cloudwatch.math.Fixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric math operator and function, one row per case: the statement of AWS's "Using metric math" page
 * (functions table, comparison table, "Using IF expressions") the case checks, the expression, and the
 * expected value over the five periods of {@link Fixtures} ({@code NA} = no datapoint).
 */
class MetricMathFunctionsTest {
    private static final Double NA = null;

    static Arguments ts(String doc, String expression, Double... expected) {
        return Arguments.of(doc, expression, expected);
    }

    static Arguments scalar(String doc, String expression, double expected) {
        return Arguments.of(doc, expression, expected);
    }

    static Arguments array(String doc, String expression, Double[]... expected) {
        return Arguments.of(doc, expression, List.of(expected));
    }

    static Arguments error(String doc, String expression, String message) {
        return Arguments.of(doc, expression, new MathException(message));
    }

    static Double[] row(Double... values) {
        return values;
    }

    static final Double[] K = row(10.0, 20.0, 40.0, 70.0, 110.0);
    static final Double[] E4 = row(1.0, 2.0, 3.0, 4.0, 5.0);
    static final Double[] E5 = row(0.0, 1.0, NA, 1.0, 0.0);
    static final Double[] REQ = row(100.0, 100.0, 100.0, 100.0, 100.0);
    static final Double[] M1 = row(30.0, 20.0, 0.0, 0.0, NA);

    static Stream<Arguments> cases() {
        return Stream.of(
            // Arithmetic: "Arithmetic operators: + - * / ^ | S, S S, TS TS, TS S, TS[] TS, TS[]"
            ts("Arithmetic: example 5 * m1 (S * TS)", "5 * k", 50.0, 100.0, 200.0, 350.0, 550.0),
            ts("Arithmetic: example m1 - m2; \"Missing values in a time series are treated as 0\"", "metric1 - metric2",
                10.0, 20.0, -20.0, 0.0, NA),
            ts("Arithmetic: TS + TS, missing treated as 0", "metric1 + metric2", 50.0, 20.0, 20.0, 0.0, NA),
            ts("Arithmetic: \"If ... a function ... attempt[s] to divide by zero, the data point is dropped\"", "k / 0",
                NA, NA, NA, NA, NA),
            ts("Arithmetic: divide by zero drops only that point", "k / metric1", 10.0 / 30, 1.0, NA, NA, NA),
            ts("Arithmetic: ^ operator", "k ^ 2", 100.0, 400.0, 1600.0, 4900.0, 12100.0),
            ts("Unary subtraction: example -m1", "-k", -10.0, -20.0, -40.0, -70.0, -110.0),
            ts("Unary subtraction: example -5*m1", "-5 * k", -50.0, -100.0, -200.0, -350.0, -550.0),
            ts("Arithmetic: * binds tighter than +", "2 + 3 * k", 32.0, 62.0, 122.0, 212.0, 332.0),
            ts("Arithmetic: parentheses", "(2 + 3) * k", 50.0, 100.0, 200.0, 350.0, 550.0),
            ts("Arithmetic: ^ is right-associative (S, S)", "2 ^ 3 ^ 2 * TIME_SERIES(1)", 512.0, 512.0, 512.0, 512.0, 512.0),
            ts("Unary subtraction binds looser than ^", "-2 ^ 2 + TIME_SERIES(0)", -4.0, -4.0, -4.0, -4.0, -4.0),
            ts("Scalar functions inside a larger expression: example m1 - AVG(m1)", "k - AVG(k)",
                -40.0, -30.0, -10.0, 20.0, 60.0),
            ts("Arithmetic: example PERIOD(m1)/60", "PERIOD(k) / 60 * k", 10.0, 20.0, 40.0, 70.0, 110.0),
            ts("Arithmetic: example SUM(100/[m1, m2]) (S / TS[])", "SUM(100 / [k, requests])",
                11.0, 6.0, 3.5, 100.0 / 70 + 1, 100.0 / 110 + 1),
            ts("Arithmetic: example AVG([m1,m2]/m3) (TS[] / TS)", "AVG([k, requests] / requests)",
                0.55, 0.6, 0.7, 0.85, 1.05),
            array("Arithmetic: example METRICS()*100 returns an array", "METRICS(\"errors\") * 100",
                row(100.0, 200.0, 300.0, 400.0, 500.0), row(0.0, 100.0, NA, 100.0, 0.0)),
            ts("Unary subtraction: example SUM(-[m1, m2])", "SUM(-[k, requests])", -110.0, -120.0, -140.0, -170.0, -210.0),
            ts("Numbers with exponents", "1.5e1 + TIME_SERIES(0)", 15.0, 15.0, 15.0, 15.0, 15.0),
            ts("Numbers with a leading point", ".5 * k", 5.0, 10.0, 20.0, 35.0, 55.0),
            // Comparison and logical operators: the docs' table over metric1 [30,20,0,0], metric2 [20,-,20,-]
            ts("Comparison table: (metric1 < metric2) -> 0, 0, 1, 0", "metric1 < metric2", 0.0, 0.0, 1.0, 0.0, NA),
            ts("Comparison table: (metric1 >= 30) -> 1, 0, 0, 0", "metric1 >= 30", 1.0, 0.0, 0.0, 0.0, NA),
            ts("Comparison table: (metric1 > 15 AND metric2 > 15) -> 1, 0, 0, 0", "metric1 > 15 AND metric2 > 15",
                1.0, 0.0, 0.0, 0.0, NA),
            ts("Logical operators: AND or &&", "metric1 > 15 && metric2 > 15", 1.0, 0.0, 0.0, 0.0, NA),
            ts("Logical operators: OR or ||", "metric1 > 15 OR metric2 > 15", 1.0, 1.0, 1.0, 0.0, NA),
            ts("Logical operators: || spelling", "metric1 > 15 || metric2 > 15", 1.0, 1.0, 1.0, 0.0, NA),
            ts("Comparison operators: ==", "metric1 == 0", 0.0, 0.0, 1.0, 1.0, NA),
            ts("Comparison operators: !=", "metric1 != 0", 1.0, 1.0, 0.0, 0.0, NA),
            ts("Comparison operators: <=", "metric1 <= 20", 0.0, 1.0, 1.0, 1.0, NA),
            ts("Comparison operators: >", "metric1 > 0", 1.0, 1.0, 0.0, 0.0, NA),
            ts("Logical NOT", "NOT (metric1 > 15)", 0.0, 0.0, 1.0, 1.0, NA),
            ts("Comparison of two scalars returns a scalar 0 or 1", "(10 > 5) * k", 10.0, 20.0, 40.0, 70.0, 110.0),
            // IF: "Using IF expressions"
            ts("IF(metric1, metric2, metric3) -> [30, 0, 20, -, -]", "IF(c1, c2, c3)", 30.0, 0.0, 20.0, NA, NA),
            ts("IF(metric1, scalar2, metric3) -> [5, 5, 20, -, -]", "IF(c1, 5, c3)", 5.0, 5.0, 20.0, NA, NA),
            ts("IF(metric1, metric2, scalar3) -> [30, 0, 5, 5, -]", "IF(c1, c2, 5)", 30.0, 0.0, 5.0, 5.0, NA),
            ts("IF(scalar1, metric2, metric3): metric2 if scalar1 is TRUE", "IF(1, c2, c3)", 30.0, NA, 0.0, 0.0, 30.0),
            ts("IF(scalar1, metric2, metric3): metric3 if scalar1 is FALSE", "IF(0, c2, c3)", 0.0, 0.0, 20.0, NA, 20.0),
            ts("IF(scalar1, metric2): empty time series if metric3 is omitted", "IF(0, c2)", NA, NA, NA, NA, NA),
            ts("IF(TS op S, metric2): dropped where FALSE and metric3 omitted (display only the low values)",
                "IF(metric1 < 25, metric1)", NA, 20.0, 0.0, 0.0, NA),
            ts("IF use case: IF(metric1<400, 10, 2)", "IF(k < 50, 10, 2)", 10.0, 10.0, 10.0, 2.0, 2.0),
            ts("IF use case: IF(latency>threshold, 1, 0)", "IF(k > 30, 1, 0)", 0.0, 0.0, 1.0, 1.0, 1.0),
            ts("IF: \"The condition evaluates to FALSE if ... 0, and to TRUE if ... any other value\"",
                "IF(n, 1, 0)", 1.0, 1.0, 1.0, 1.0, NA),
            // ABS: "Returns the absolute value of each data point."
            ts("ABS: absolute value of each data point", "ABS(n)", 1.5, 2.5, 3.2, 4.7, NA),
            ts("ABS: example ABS(m1-m2)", "ABS(metric1 - metric2)", 10.0, 20.0, 20.0, 0.0, NA),
            ts("ABS: example MIN(ABS([m1, m2]))", "MIN(ABS([n, metric1]))", 1.5, 2.5, 0.0, 0.0, NA),
            array("ABS: example ABS(METRICS())", "ABS(-METRICS(\"errors\"))", E4, E5),
            // AVG
            scalar("AVG: \"of a single time series returns a scalar representing the average of all the data points\"",
                "AVG(k)", 50.0),
            ts("AVG: \"of an array of time series returns a single time series. Missing values are treated as 0\"",
                "AVG([metric1, metric2])", 25.0, 10.0, 10.0, 0.0, NA),
            ts("AVG: example SUM([m1,m2])/AVG(m2)", "SUM([metric1, metric2]) / AVG(metric2)", 2.5, 1.0, 1.0, 0.0, NA),
            ts("AVG: example AVG(METRICS())", "AVG(METRICS(\"errors\"))", 0.5, 1.5, 1.5, 2.5, 2.5),
            // CEIL / FLOOR
            ts("CEIL: \"the smallest integer greater than or equal to each value\"", "CEIL(n)", -1.0, 3.0, -3.0, 5.0, NA),
            ts("FLOOR: \"the largest integer less than or equal to each value\"", "FLOOR(n)", -2.0, 2.0, -4.0, 4.0, NA),
            ts("CEIL: example SUM(CEIL(METRICS()))", "SUM(CEIL(METRICS(\"errors\") / 2))", 1.0, 2.0, 2.0, 3.0, 3.0),
            array("FLOOR: example FLOOR(METRICS())", "FLOOR(METRICS(\"errors\") / 2)",
                row(0.0, 1.0, 1.0, 2.0, 2.0), row(0.0, 0.0, NA, 0.0, 0.0)),
            // DATAPOINT_COUNT
            scalar("DATAPOINT_COUNT: \"a count of the data points that reported values\"", "DATAPOINT_COUNT(metric2)", 2),
            scalar("DATAPOINT_COUNT: example SUM(m1) / DATAPOINT_COUNT(m1)", "SUM(metric2) / DATAPOINT_COUNT(metric2)", 20),
            ts("DATAPOINT_COUNT: example DATAPOINT_COUNT(METRICS()) (array -> TS)", "DATAPOINT_COUNT(METRICS(\"errors\"))",
                2.0, 2.0, 1.0, 2.0, 2.0),
            // DIFF / DIFF_TIME / RATE
            ts("DIFF: \"difference between each value ... and the preceding value\"", "DIFF(k)", NA, 10.0, 20.0, 30.0, 40.0),
            ts("DIFF: the preceding value skips gaps", "DIFF(gaps)", NA, NA, 2.0, NA, 4.0),
            ts("DIFF_TIME: \"difference in seconds between the timestamp of each value and ... the preceding value\"",
                "DIFF_TIME(k)", NA, 60.0, 60.0, 60.0, 60.0),
            ts("DIFF_TIME: across gaps", "DIFF_TIME(gaps)", NA, NA, 120.0, NA, 120.0),
            array("DIFF_TIME: example DIFF_TIME(METRICS())", "DIFF_TIME(METRICS(\"errors\"))",
                row(NA, 60.0, 60.0, 60.0, 60.0), row(NA, 60.0, NA, 120.0, 60.0)),
            ts("RATE: \"difference between the latest ... and the previous data point value, divided by the time difference in seconds\"",
                "RATE(k)", NA, 10.0 / 60, 20.0 / 60, 30.0 / 60, 40.0 / 60),
            ts("RATE: across gaps", "RATE(gaps)", NA, NA, 2.0 / 120, NA, 4.0 / 120),
            // FILL
            ts("FILL: example FILL(m1,10)", "FILL(gaps, 10)", 1.0, 10.0, 3.0, 10.0, 7.0),
            ts("FILL: REPEAT \"fills missing values with the most recent actual value before the missing value\"",
                "FILL(gaps, REPEAT)", 1.0, 1.0, 3.0, 3.0, 7.0),
            ts("FILL: LINEAR \"linear interpolation between the values at the beginning and the end of the gap\"",
                "FILL(gaps, LINEAR)", 1.0, 2.0, 3.0, 5.0, 7.0),
            ts("FILL: example FILL(METRICS(), m1) (fill from another series)", "FILL(c2, metric1)", 30.0, 20.0, 0.0, 0.0, 30.0),
            ts("FILL: example FILL(m1, MIN(m1))", "FILL(metric2, MIN(metric2))", 20.0, 20.0, 20.0, 20.0, 20.0),
            ts("FILL: REPEAT fills trailing gaps", "FILL(metric1, REPEAT)", 30.0, 20.0, 0.0, 0.0, 0.0),
            ts("FILL: LINEAR has no end value for a trailing gap", "FILL(metric2, LINEAR)", 20.0, 20.0, 20.0, NA, NA),
            ts("FILL: REPEAT has no earlier value for a leading gap", "FILL(late, REPEAT)", NA, NA, 4.0, 4.0, 8.0),
            ts("FILL: LINEAR leading gap stays empty", "FILL(late, LINEAR)", NA, NA, 4.0, 6.0, 8.0),
            array("FILL: example FILL(METRICS(), 0)", "FILL(METRICS(\"errors\"), 0)", E4, row(0.0, 1.0, 0.0, 1.0, 0.0)),
            ts("FILL: an empty series is filled entirely", "FILL(empty, 0)", 0.0, 0.0, 0.0, 0.0, 0.0),
            // FIRST / LAST
            ts("FIRST: \"Returns the first ... time series from an array\" (with SORT)",
                "FIRST(SORT(METRICS(\"errors\"), AVG, DESC))", E4),
            ts("LAST: \"Returns the ... last time series from an array\"", "LAST(SORT(METRICS(\"errors\"), AVG, DESC))", E5),
            ts("FIRST: example IF(FIRST(SORT(METRICS(), AVG, DESC))>100, 1, 0)",
                "IF(FIRST(SORT(METRICS(\"errors\"), AVG, DESC)) > 2, 1, 0)", 0.0, 0.0, 1.0, 1.0, 1.0),
            // LOG / LOG10
            ts("LOG: \"the natural logarithm value of each value\"", "LOG(p)", 0.0, Math.log(10), Math.log(100), Math.log(1000), NA),
            ts("LOG10: \"the base-10 logarithm value of each value\"", "LOG10(p)", 0.0, 1.0, 2.0, 3.0, NA),
            ts("LOG: LOG(0) is -Infinity, so the point is dropped", "LOG(metric1)", Math.log(30), Math.log(20), NA, NA, NA),
            // MAX / MIN
            scalar("MAX: \"of a single time series returns a scalar representing the maximum value\"", "MAX(k)", 110),
            ts("MAX: example MAX(m1)/m1", "MAX(k) / k", 11.0, 5.5, 2.75, 110.0 / 70, 1.0),
            ts("MAX: \"of an array of time series returns a single time series\"", "MAX([metric1, metric2])",
                30.0, 20.0, 20.0, 0.0, NA),
            scalar("MIN: \"of a single time series returns a scalar representing the minimum value\"", "MIN(k)", 10),
            ts("MIN: example m1-MIN(m1)", "k - MIN(k)", 0.0, 10.0, 30.0, 60.0, 100.0),
            ts("MIN: \"of an array of time series returns a single time series\"", "MIN([metric1, metric2])",
                20.0, 20.0, 0.0, 0.0, NA),
            // MINUTE / HOUR / DAY / DATE / MONTH / YEAR / EPOCH (periods 23:58, 23:59, 00:00, 00:01, 00:02 UTC)
            ts("MINUTE: \"a new non-sparse time series where each value is based on its timestamp\"", "MINUTE(k)",
                58.0, 59.0, 0.0, 1.0, 2.0),
            ts("MINUTE: non-sparse even for a sparse input", "MINUTE(metric2)", 58.0, 59.0, 0.0, 1.0, 2.0),
            ts("HOUR: 0-23", "HOUR(k)", 23.0, 23.0, 0.0, 0.0, 0.0),
            ts("DAY: day of the week, 1 = Monday (IF(DAY(m1)<6,m1) keeps Monday to Friday)", "DAY(k)", 1.0, 1.0, 2.0, 2.0, 2.0),
            ts("DAY: example IF(DAY(m1)<6,m1) style filter", "IF(DAY(k) < 2, k)", 10.0, 20.0, NA, NA, NA),
            ts("DATE: day of the month", "DATE(k)", 30.0, 30.0, 1.0, 1.0, 1.0),
            ts("MONTH: 1-12; example IF(MONTH(m1) == 4, m1)", "MONTH(k)", 11.0, 11.0, 12.0, 12.0, 12.0),
            ts("YEAR: four-digit year", "YEAR(k)", 2026.0, 2026.0, 2026.0, 2026.0, 2026.0),
            ts("EPOCH: seconds since the epoch", "EPOCH(k) - " + Fixtures.T0 / 1000, 0.0, 60.0, 120.0, 180.0, 240.0),
            // PERIOD
            scalar("PERIOD: \"Returns the period of the metric in seconds\"", "PERIOD(k)", 60),
            ts("PERIOD: example m1/PERIOD(m1)", "k / PERIOD(k)", 10.0 / 60, 20.0 / 60, 40.0 / 60, 70.0 / 60, 110.0 / 60),
            // REMOVE_EMPTY
            array("REMOVE_EMPTY: \"Removes any time series that have no data points from an array\"",
                "REMOVE_EMPTY([empty, k, empty])", K),
            // RUNNING_SUM
            ts("RUNNING_SUM: \"the running sum of the values in the original time series\"", "RUNNING_SUM(k)",
                10.0, 30.0, 70.0, 140.0, 250.0),
            array("RUNNING_SUM: example RUNNING_SUM([m1,m2])", "RUNNING_SUM([k, gaps])",
                row(10.0, 30.0, 70.0, 140.0, 250.0), row(1.0, NA, 4.0, NA, 11.0)),
            // SLICE
            array("SLICE: example SLICE(SORT(METRICS(), SUM, DESC), 0, 10) (start inclusive, end exclusive)",
                "SLICE(SORT(METRICS(\"errors\"), SUM, DESC), 0, 1)", E4),
            array("SLICE: \"you can specify just one value ... returns all time series starting with that value\"",
                "SLICE([k, requests, metric1], 1)", REQ, M1),
            array("SLICE: an end beyond the array stops at its end", "SLICE([k, requests], 1, 10)", REQ),
            // SORT
            array("SORT: DESC \"to sort the higher values first\"", "SORT([metric1, k, requests], AVG, DESC)", REQ, K, M1),
            array("SORT: example SORT(METRICS(), MAX, ASC)", "SORT([metric1, k, requests], MAX, ASC)", M1, REQ, K),
            array("SORT: example SORT(METRICS(), AVG, DESC, 10) (limit)", "SORT([metric1, k, requests], AVG, DESC, 2)", REQ, K),
            array("SORT: by SUM; a series without data sorts last", "SORT([empty, k], SUM, ASC)", K,
                row(NA, NA, NA, NA, NA)),
            array("SORT: by MIN", "SORT([k, metric1], MIN, ASC)", M1, K),
            // STDDEV
            scalar("STDDEV: \"of a single time series returns a scalar representing the standard deviation\"",
                "STDDEV(k)", Math.sqrt(1320)),
            ts("STDDEV: \"of an array of time series returns a single time series\"", "STDDEV([metric1, metric2])",
                5.0, 0.0, 10.0, 0.0, NA),
            ts("STDDEV: example m1/STDDEV(m1)", "k / STDDEV(k)", 10 / Math.sqrt(1320), 20 / Math.sqrt(1320),
                40 / Math.sqrt(1320), 70 / Math.sqrt(1320), 110 / Math.sqrt(1320)),
            // SUM
            scalar("SUM: \"of a single time series returns a scalar representing the sum\"", "SUM(k)", 250),
            ts("SUM: example SUM([m1,m2])", "SUM([metric1, metric2])", 50.0, 20.0, 20.0, 0.0, NA),
            ts("SUM: example SUM(METRICS(\"errors\"))/SUM(METRICS(\"requests\"))*100",
                "SUM(METRICS(\"errors\")) / SUM(METRICS(\"requests\")) * 100", 1.0, 3.0, 3.0, 5.0, 5.0),
            ts("SUM: example SUM(METRICS())/SUM(m1)", "SUM(METRICS(\"errors\")) / SUM(errors4xx)",
                1.0 / 15, 3.0 / 15, 3.0 / 15, 5.0 / 15, 5.0 / 15),
            // TIME_SERIES
            ts("TIME_SERIES: example TIME_SERIES(10) \"non-sparse time series where every value is set to a scalar\"",
                "TIME_SERIES(10)", 10.0, 10.0, 10.0, 10.0, 10.0),
            ts("TIME_SERIES: example TIME_SERIES(MAX(m1))", "TIME_SERIES(MAX(k))", 110.0, 110.0, 110.0, 110.0, 110.0),
            ts("TIME_SERIES: example TIME_SERIES(5*AVG(m1))", "TIME_SERIES(5 * AVG(k))", 250.0, 250.0, 250.0, 250.0, 250.0),
            // METRICS / METRIC_COUNT
            array("METRICS: \"with a string ... only the graphed metrics that contain that string in their Id\"",
                "METRICS(\"errors\")", E4, E5),
            ts("METRICS: example SUM([METRICS(\"4xx\"), METRICS(\"5xx\")])", "SUM([METRICS(\"4xx\"), METRICS(\"5xx\")])",
                1.0, 3.0, 3.0, 5.0, 5.0),
            ts("METRICS: the docs print typographic quotes, METRICS(“4xx”)", "SUM(METRICS(“4xx”))", E4),
            array("METRICS: a string matching no Id gives an empty array", "METRICS(\"nothing\")"),
            scalar("METRIC_COUNT: \"Returns the number of metrics in the time series array\"",
                "METRIC_COUNT(METRICS(\"errors\"))", 2),
            // Errors (ValidationError in AWS)
            error("Syntax: operator without right operand", "k +", "Unexpected end of expression."),
            error("\"Enter all functions in uppercase letters\"", "avg(k)",
                "Unknown function avg: functions must be written in upper case (AVG)."),
            error("Syntax: unclosed call", "AVG(k", "Expected ')' at the end of the expression."),
            error("Syntax: unknown character", "k $ 2", "Unexpected character '$' at position 2."),
            error("Arithmetic table has no TS[] op TS[]", "[k, requests] + [k]",
                "The operator + cannot combine a array of time series and a array of time series."),
            error("SEARCH is out of scope here", "SEARCH('{AWS/EC2,InstanceId} CPUUtilization', 'Average', 300)",
                "The function SEARCH is not supported by Vigil."),
            error("FILL: \"[S | REPEAT | LINEAR]\"", "FILL(k, SIDEWAYS)",
                "Argument 2 of FILL must be one of REPEAT, LINEAR but is a keyword SIDEWAYS."),
            error("SLICE: \"(TS[], S, S) or (TS[], S)\"", "SLICE(k, 1)",
                "Argument 1 of SLICE must be an array of time series but is a time series."),
            error("SORT: \"The function you use can be AVG, MIN, MAX, or SUM\"", "SORT(METRICS(), MEDIAN, ASC)",
                "Argument 2 of SORT must be one of AVG, MIN, MAX, SUM, STDDEV but is a keyword MEDIAN."),
            error("ABS: \"TS TS[]\"", "ABS(5)", "The function ABS takes a time series or an array of time series, not a scalar."),
            error("IF: at most three arguments", "IF(k, 1, 2, 3)", "The function IF takes 2 to 3 arguments but was given 4."),
            error("Unknown function", "MEDIAN(k)", "Unknown function MEDIAN."),
            error("Ids must name a query", "k + nope", "Unknown id 'nope'.")
        );
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void evaluates(String doc, String expression, Object expected) {
        if (expected instanceof MathException e) {
            assertThatThrownBy(() -> eval(expression)).isInstanceOf(MathException.class).hasMessage(e.getMessage());
            return;
        }
        Value v = eval(expression);
        if (expected instanceof Double d) {
            assertThat(v).isInstanceOf(Value.Scalar.class);
            assertThat(((Value.Scalar) v).value()).isCloseTo(d, within(1e-9));
        } else if (expected instanceof Double[] slots) {
            assertThat(v).isInstanceOf(Value.Single.class);
            assertSlots(((Value.Single) v).series(), slots);
        } else {
            @SuppressWarnings("unchecked")
            List<Double[]> all = (List<Double[]>) expected;
            assertThat(v).isInstanceOf(Value.Array.class);
            List<Series> got = ((Value.Array) v).series();
            assertThat(got).hasSize(all.size());
            for (int i = 0; i < all.size(); i++) assertSlots(got.get(i), all.get(i));
        }
    }
}
