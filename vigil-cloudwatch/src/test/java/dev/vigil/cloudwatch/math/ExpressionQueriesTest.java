package dev.vigil.cloudwatch.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/** GetMetricData's expression handling: dependency order, cycles, unknown ids, labels, periods and messages. */
class ExpressionQueriesTest {
    static final long END = Fixtures.T0 + 5 * 60_000L;

    static MetricDataQuery expr(String id, String expression) {
        return MetricDataQuery.builder().id(id).expression(expression).build();
    }

    static Map<String, Series> metrics() {
        Map<String, Series> m = new LinkedHashMap<>();
        m.put("m1", Fixtures.series("Errors", 1.0, 2.0, null, 4.0, 5.0));
        m.put("m2", Fixtures.series("Requests", 10.0, 10.0, 10.0, 10.0, 10.0));
        return m;
    }

    static List<MetricDataQuery> withMetrics(MetricDataQuery... expressions) {
        List<MetricDataQuery> out = new java.util.ArrayList<>();
        out.add(MetricDataQuery.builder().id("m1").build());
        out.add(MetricDataQuery.builder().id("m2").build());
        out.addAll(List.of(expressions));
        return out;
    }

    @Test
    void evaluatesExpressionsAfterThoseTheyName() {
        // e2 is listed first but needs e1: "evaluated after the queries they reference".
        var results = ExpressionQueries.evaluate(withMetrics(expr("e2", "e1 * 100"), expr("e1", "m1 / m2")),
                metrics(), Fixtures.T0, END);
        Series e2 = results.get("e2").get(0).series();
        Fixtures.assertSlots(e2, new Double[] {10.0, 20.0, 0.0, 40.0, 50.0});
    }

    @Test
    void defaultLabelOfAnExpressionIsItsId() {
        var results = ExpressionQueries.evaluate(withMetrics(expr("rate", "m1 / m2"),
                expr("pct", "m1 * 100").toBuilder().label("Error %").build()), metrics(), Fixtures.T0, END);
        assertThat(results.get("rate").get(0).label()).isEqualTo("rate");
        assertThat(results.get("pct").get(0).label()).isEqualTo("Error %");
    }

    @Test
    void arrayResultsAreLabelledExpressionLabelThenMetricLabel() {
        // "the legend captions for those time series are in the format Expression-Label Metric-Label"
        var labelled = ExpressionQueries.evaluate(withMetrics(
                expr("e1", "FILL(METRICS(), 0)").toBuilder().label("Filled With 0:").build()), metrics(), Fixtures.T0, END);
        assertThat(labelled.get("e1")).extracting(ExpressionQueries.Result::label)
                .containsExactly("Filled With 0: Errors", "Filled With 0: Requests");
        var bare = ExpressionQueries.evaluate(withMetrics(expr("e1", "METRICS()")), metrics(), Fixtures.T0, END);
        assertThat(bare.get("e1")).extracting(ExpressionQueries.Result::label).containsExactly("Errors", "Requests");
    }

    @Test
    void metricsExcludesExpressions() {
        // "The METRICS() function returns all the metrics in the request. Math expressions aren't included."
        var results = ExpressionQueries.evaluate(withMetrics(expr("e1", "m1 * 2"), expr("e2", "METRICS()")),
                metrics(), Fixtures.T0, END);
        assertThat(results.get("e2")).hasSize(2);
    }

    @Test
    void expressionPeriodSetsTheGridOfTimeSeries() {
        var results = ExpressionQueries.evaluate(withMetrics(
                expr("e1", "TIME_SERIES(1)").toBuilder().period(120).build()), metrics(), Fixtures.T0, END);
        assertThat(results.get("e1").get(0).series().timestamps())
                .containsExactly(Fixtures.T0, Fixtures.T0 + 120_000, Fixtures.T0 + 240_000);
    }

    @Test
    void droppedNonNumericValuesAreReported() {
        // m1 - 2 has no point where m1 has none; m2 / (missing as 0) divides by zero there too.
        var results = ExpressionQueries.evaluate(withMetrics(expr("e1", "m2 / (m1 - 2)")), metrics(), Fixtures.T0, END);
        ExpressionQueries.Result r = results.get("e1").get(0);
        assertThat(r.droppedNonNumeric()).isTrue();
        Fixtures.assertSlots(r.series(), new Double[] {-10.0, null, null, 5.0, 10.0 / 3});
    }

    @Test
    void cyclesAreErrors() {
        assertThatThrownBy(() -> ExpressionQueries.evaluate(withMetrics(expr("e1", "e2 + 1"), expr("e2", "e1 * m1")),
                metrics(), Fixtures.T0, END))
                .isInstanceOf(MathException.class)
                .hasMessage("Error in expression e1: circular reference e1 -> e2 -> e1.");
        assertThatThrownBy(() -> ExpressionQueries.evaluate(withMetrics(expr("e1", "e1 + 1")), metrics(), Fixtures.T0, END))
                .hasMessage("Error in expression e1: it references itself.");
    }

    @Test
    void unknownIdsAreErrors() {
        assertThatThrownBy(() -> ExpressionQueries.evaluate(withMetrics(expr("e1", "m1 + m9")), metrics(), Fixtures.T0, END))
                .hasMessage("Error in expression e1: Unrecognized identifier m9.");
    }

    @Test
    void syntaxErrorsNameTheQuery() {
        assertThatThrownBy(() -> ExpressionQueries.evaluate(withMetrics(expr("e1", "m1 +* 2")), metrics(), Fixtures.T0, END))
                .hasMessage("Error in expression e1: Unexpected '*' at position 4.");
    }

    @Test
    void aScalarResultIsAnError() {
        // "The final result of any math expression must be a single time series or an array of time series."
        assertThatThrownBy(() -> ExpressionQueries.evaluate(withMetrics(expr("e1", "AVG(m1)")), metrics(), Fixtures.T0, END))
                .hasMessage("Error in expression e1: The expression must produce a time series or an array of time"
                        + " series, not a scalar.");
    }

    @Test
    void badPeriodsAreInvalidValuesButMetricsInsightsQueriesAreAccepted() {
        assertThat(ExpressionQueries.problems(expr("q1", "SELECT AVG(CPUUtilization) FROM \"AWS/EC2\""), "P")).isEmpty();
        assertThat(ExpressionQueries.problems(expr("e1", "m1").toBuilder().period(7).build(), "P"))
                .containsExactly("The parameter P.Period must be 1, 5, 10, 20, 30 or a multiple of 60.");
        assertThat(ExpressionQueries.problems(expr("e1", "m1 * 2"), "P")).isEmpty();
    }

    @Test
    void searchCanBePluggedIn() {
        // The extension point: a function with I/O registered on top of the built-ins.
        MetricMath math = MetricMath.standard().withFunction("SEARCH",
                (args, ctx) -> new Value.Array(List.of(ctx.metrics().get("m2"))));
        Map<String, Value> values = new LinkedHashMap<>();
        metrics().forEach((id, s) -> values.put(id, new Value.Single(s)));
        Value v = math.evaluate(math.parse("SUM(SEARCH('{AWS/EC2} Requests', 'Sum', 60))"),
                new EvalContext(Fixtures.T0, END, 60, values, metrics(), new Diagnostics()));
        Fixtures.assertSlots(((Value.Single) v).series(), new Double[] {10.0, 10.0, 10.0, 10.0, 10.0});
    }
}
