package dev.vigil.cloudwatch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.cloudwatch.FakeCatalog;
import dev.vigil.cloudwatch.math.ExpressionQueries;
import dev.vigil.cloudwatch.math.MathException;
import dev.vigil.cloudwatch.math.MetricMath;
import dev.vigil.cloudwatch.math.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Metrics Insights, table-driven from "Metrics Insights query components and syntax" (its step-by-step example
 * and SCHEMA examples) and "Metrics Insights sample queries", over stored series with three one-minute
 * observations each; expected: the result series' labels and per-minute values.
 */
class InsightsQueryTest {
    static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    static final long END = T0 + 3 * 60_000L;
    static final String ELB = "AWS/ApplicationELB";

    static FakeCatalog catalog() {
        FakeCatalog c = new FakeCatalog();
        c.put(ELB, "RequestCount", Map.of("LoadBalancer", "app/load-balancer-1", "AvailabilityZone", "us-east-1a"), T0, 60, 10.0, 20.0, 30.0);
        c.put(ELB, "RequestCount", Map.of("LoadBalancer", "app/load-balancer-1", "AvailabilityZone", "us-east-1b"), T0, 60, 1.0, 2.0, 3.0);
        c.put(ELB, "RequestCount", Map.of("LoadBalancer", "app/load-balancer-2", "AvailabilityZone", "us-east-1a"), T0, 60, 100.0, 100.0, 100.0);
        c.put(ELB, "RequestCount", Map.of("LoadBalancer", "app/load-balancer-1"), T0, 60, 11.0, 22.0, 33.0);
        c.put(ELB, "RequestCount", Map.of("LoadBalancer", "app/load-balancer-2"), T0, 60, 100.0, 100.0, 100.0);
        c.put(ELB, "RequestCount", Map.of("AvailabilityZone", "us-east-1a"), T0, 60, 5.0, 5.0, 5.0);
        c.put(ELB, "ActiveConnectionCount", Map.of("LoadBalancer", "app/load-balancer-1"), T0, 60, 9.0, 9.0, 9.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-1"), T0, 60, 10.0, 20.0, 30.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-2"), T0, 60, 50.0, 50.0, 50.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-3"), T0, 60, 5.0, null, 15.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of(), T0, 60, 99.0, 99.0, 99.0);
        c.put("AWS/CWAgent", "CPUUtilization", Map.of("ApplicationName", "eCommerce", "host", "a"), T0, 60, 40.0, 40.0, 40.0);
        c.put("AWS/CWAgent", "CPUUtilization", Map.of("ApplicationName", "eCommerce", "host", "b"), T0, 60, 60.0, 60.0, 60.0);
        c.put("AWS/CWAgent", "CPUUtilization", Map.of("ApplicationName", "Billing"), T0, 60, 0.0, 0.0, 0.0);
        c.put("Custom", "Bytes\"Input\"", Map.of(), T0, 60, 1.0, 2.0, 3.0);
        c.put("Custom", "LIMIT", Map.of(), T0, 60, 7.0, 7.0, 7.0);
        c.put("Custom", "Other", Map.of("Mode", "x"), T0, 60, 1.0, null, null);
        return c;
    }

    static final String STEP = "SELECT SUM(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer, AvailabilityZone) ";

    /** Query → expected series as {label, v0, v1, v2} (null: no datapoint in that minute). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // The step-by-step example of the syntax page.
                row(STEP, s("q", 111.0, 122.0, 133.0)),
                row(STEP + "WHERE LoadBalancer = 'app/load-balancer-1'", s("q", 11.0, 22.0, 33.0)),
                row(STEP + "WHERE LoadBalancer = 'app/load-balancer-1' GROUP BY AvailabilityZone",
                        s("us-east-1a", 10.0, 20.0, 30.0), s("us-east-1b", 1.0, 2.0, 3.0)),
                row(STEP + "WHERE LoadBalancer = 'app/load-balancer-1' GROUP BY AvailabilityZone ORDER BY MAX() DESC",
                        s("us-east-1a", 10.0, 20.0, 30.0), s("us-east-1b", 1.0, 2.0, 3.0)),
                row(STEP + "WHERE LoadBalancer = 'app/load-balancer-1' GROUP BY AvailabilityZone ORDER BY MAX() ASC",
                        s("us-east-1b", 1.0, 2.0, 3.0), s("us-east-1a", 10.0, 20.0, 30.0)),
                row(STEP + "WHERE LoadBalancer = 'app/load-balancer-1' GROUP BY AvailabilityZone ORDER BY MAX() DESC LIMIT 1",
                        s("us-east-1a", 10.0, 20.0, 30.0)),
                // SCHEMA's exact match versus FROM namespace.
                row("SELECT SUM(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer)", s("q", 111.0, 122.0, 133.0)),
                row("SELECT SUM(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", AvailabilityZone, LoadBalancer)",
                        s("q", 111.0, 122.0, 133.0)),
                row("SELECT SUM(RequestCount) FROM \"AWS/ApplicationELB\"", s("q", 227.0, 249.0, 271.0)),
                row("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\")", s("q", 99.0, 99.0, 99.0)),
                row("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\", InstanceType)", s("q", null, null, null)),
                // A metric without the GROUP BY key falls into "Other".
                row("SELECT SUM(RequestCount) FROM \"AWS/ApplicationELB\" GROUP BY LoadBalancer",
                        s("Other", 5.0, 5.0, 5.0), s("app/load-balancer-1", 22.0, 44.0, 66.0),
                        s("app/load-balancer-2", 200.0, 200.0, 200.0)),
                row("SELECT SUM(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer, AvailabilityZone)"
                                + " GROUP BY LoadBalancer, AvailabilityZone",
                        s("app/load-balancer-1 us-east-1a", 10.0, 20.0, 30.0),
                        s("app/load-balancer-1 us-east-1b", 1.0, 2.0, 3.0),
                        s("app/load-balancer-2 us-east-1a", 100.0, 100.0, 100.0)),
                // The five functions aggregate the observations of each period.
                row("SELECT AVG(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer, AvailabilityZone)",
                        s("q", 111.0 / 3, 122.0 / 3, 133.0 / 3)),
                row("SELECT COUNT(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer, AvailabilityZone)",
                        s("q", 3.0, 3.0, 3.0)),
                row("SELECT MIN(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer, AvailabilityZone)",
                        s("q", 1.0, 2.0, 3.0)),
                row("SELECT MAX(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer, AvailabilityZone)",
                        s("q", 100.0, 100.0, 100.0)),
                // WHERE operators.
                row(STEP + "WHERE AvailabilityZone != 'us-east-1a'", s("q", 1.0, 2.0, 3.0)),
                row(STEP + "WHERE LoadBalancer IN ('app/load-balancer-2', 'app/load-balancer-9') GROUP BY AvailabilityZone",
                        s("us-east-1a", 100.0, 100.0, 100.0)),
                row(STEP + "WHERE LoadBalancer NOT IN ('app/load-balancer-2')", s("q", 11.0, 22.0, 33.0)),
                row(STEP + "WHERE LoadBalancer LIKE '%balancer-1'", s("q", 11.0, 22.0, 33.0)),
                row(STEP + "WHERE LoadBalancer NOT LIKE 'app/%-1'", s("q", 100.0, 100.0, 100.0)),
                row(STEP + "WHERE (AvailabilityZone = 'us-east-1b' OR LoadBalancer = 'app/load-balancer-2')",
                        s("q", 101.0, 102.0, 103.0)),
                row(STEP + "WHERE AvailabilityZone = 'us-east-1a' AND LoadBalancer = 'app/load-balancer-1'"
                        + " OR AvailabilityZone = 'us-east-1b'", s("q", 11.0, 22.0, 33.0)),
                // Sample queries: EC2 sorted by highest, top N, the CloudWatch agent filter, ALB top 10.
                row("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId ORDER BY AVG() DESC",
                        s("i-2", 50.0, 50.0, 50.0), s("i-1", 10.0, 20.0, 30.0), s("i-3", 5.0, null, 15.0)),
                row("SELECT MAX(CPUUtilization) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId ORDER BY MAX() DESC LIMIT 2",
                        s("i-2", 50.0, 50.0, 50.0), s("i-1", 10.0, 20.0, 30.0)),
                row("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId ORDER BY COUNT() ASC",
                        s("i-3", 5.0, null, 15.0), s("i-1", 10.0, 20.0, 30.0), s("i-2", 50.0, 50.0, 50.0)),
                row("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\", InstanceId)", s("q", 65.0 / 3, 35.0, 95.0 / 3)),
                row("SELECT AVG(CPUUtilization) FROM \"AWS/CWAgent\" WHERE ApplicationName = 'eCommerce'", s("q", 50.0, 50.0, 50.0)),
                row("select avg(CPUUtilization) from \"AWS/CWAgent\" where ApplicationName = 'eCommerce'", s("q", 50.0, 50.0, 50.0)),
                row("SELECT MAX(ActiveConnectionCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer)"
                        + " GROUP BY LoadBalancer ORDER BY SUM() DESC LIMIT 10", s("app/load-balancer-1", 9.0, 9.0, 9.0)),
                // Quoting: escaped quotes, reserved words as names.
                row("SELECT AVG(\"Bytes\\\"Input\\\"\") FROM Custom", s("q", 1.0, 2.0, 3.0)),
                row("SELECT AVG(\"LIMIT\") FROM \"Custom\"", s("q", 7.0, 7.0, 7.0)),
                row("SELECT SUM(Other) FROM Custom GROUP BY Mode", s("x", 1.0, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersLikeTheDocs(String query, List<Object[]> expected) {
        List<ExpressionQueries.Result> results = run(catalog(), query).get("q");
        assertThat(results).extracting(ExpressionQueries.Result::label)
                .containsExactlyElementsOf(expected.stream().map(e -> (String) e[0]).toList());
        for (int i = 0; i < expected.size(); i++) assertValues(results.get(i).series(), expected.get(i));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("SELECT AVG(LIMIT) FROM Custom", "LIMIT is a reserved keyword"),
                Arguments.of("SELECT MEDIAN(x) FROM ns", "expected one of AVG, COUNT, MAX, MIN, SUM but found 'MEDIAN'"),
                Arguments.of("SELECT AVG(x) FROM ns LIMIT 501", "The LIMIT of a Metrics Insights query must be between 1 and 500"),
                Arguments.of("SELECT AVG(x) FROM ns LIMIT 0", "must be between 1 and 500"),
                Arguments.of("SELECT AVG(x) FROM ns WHERE a = b", "expected a label value in single quotes but found 'b'"),
                Arguments.of("SELECT AVG(x)", "expected FROM but found the end of the query"),
                Arguments.of("SELECT AVG(x) FROM AWS/EC2", "unexpected character '/'"),
                Arguments.of("SELECT AVG(x) FROM ns WHERE a = 'v", "unterminated label value"),
                Arguments.of("SELECT AVG(x) FROM ns ORDER BY MAX DESC", "expected ( but found 'DESC'"),
                Arguments.of("SELECT AVG(x) FROM ns GROUP InstanceId", "expected BY but found 'InstanceId'"),
                Arguments.of("SELECT AVG(x) FROM ns WHERE a > 'v'", "unexpected character '>'"),
                Arguments.of("SELECT AVG(x) FROM ns extra", "unexpected 'extra'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void badQueriesFailTheRequestNamingTheQuery(String query, String problem) {
        assertThatThrownBy(() -> run(catalog(), query)).isInstanceOf(MathException.class)
                .hasMessageStartingWith("Error in expression q: ").hasMessageContaining(problem);
    }

    @Test
    void metricMathCanUseTheResultOfAQuery() {
        var results = ExpressionQueries.evaluate(List.of(
                        MetricDataQuery.builder().id("q").period(60).expression(
                                "SELECT SUM(RequestCount) FROM SCHEMA(\"AWS/ApplicationELB\", LoadBalancer)").build(),
                        MetricDataQuery.builder().id("pct").period(60).expression("q / 2").build()),
                new LinkedHashMap<>(), T0, END, extensions(catalog()));
        assertValues(results.get("pct").get(0).series(), s("pct", 55.5, 61.0, 66.5));
    }

    @Test
    void onlyTheFirstTenThousandMatchingMetricsAreProcessed() {
        FakeCatalog c = new FakeCatalog();
        for (int i = 0; i <= InsightsEngine.MAX_METRICS; i++) {
            c.put("Big", "Hits", Map.of("Id", String.format("%05d", i)), T0, 60, 1.0);
        }
        ExpressionQueries.Result r = run(c, "SELECT SUM(Hits) FROM Big").get("q").get(0);
        assertValues(r.series(), s("q", 10_000.0, null, null));
        assertThat(r.notes()).containsKey("MaxMetricsExceeded");
    }

    @Test
    void withoutLimitAtMostFiveHundredSeriesAreReturned() {
        FakeCatalog c = new FakeCatalog();
        for (int i = 0; i < 501; i++) c.put("Many", "Hits", Map.of("Id", String.format("%03d", i)), T0, 60, (double) i);
        List<ExpressionQueries.Result> r = run(c, "SELECT SUM(Hits) FROM Many GROUP BY Id ORDER BY SUM() DESC").get("q");
        assertThat(r).hasSize(500);
        assertThat(r.get(0).label()).isEqualTo("500");
        assertThat(r.get(499).label()).isEqualTo("001");
    }

    @Test
    void highResolutionPeriodsAreAnsweredAtOneMinute() {
        var results = ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("q").period(10)
                        .expression("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\")").build()),
                new LinkedHashMap<>(), T0, END, extensions(catalog()));
        assertThat(results.get("q").get(0).series().period()).isEqualTo(60);
        assertThat(results.get("q").get(0).series().timestamps()).containsExactly(T0, T0 + 60_000, T0 + 120_000);
    }

    @Test
    void onlyTheLastTwoWeeksAreRead() {
        // One datapoint an hour for 15 days up to END; hourly sums over the whole range.
        long day = 86_400_000L;
        long from = END - 15 * day;
        FakeCatalog c = new FakeCatalog();
        Double[] ones = new Double[15 * 24 * 2];
        java.util.Arrays.fill(ones, 1.0);
        c.put("Old", "Hits", Map.of(), from, 1800, ones);
        var results = ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("q").period(86_400)
                        .expression("SELECT SUM(Hits) FROM Old").build()),
                new LinkedHashMap<>(), from, END, extensions(c));
        Series q = results.get("q").get(0).series();
        // The first day lies wholly before the two-week horizon; every later day holds its 48 points.
        assertThat(q.timestamps()).hasSize(14);
        assertThat(q.timestamps()[0]).isEqualTo(from + day);
        assertThat(q.values()).containsOnly(48.0);
    }

    @Test
    void theOldestPeriodHoldsOnlyTheDataInsideTheHorizon() {
        long day = 86_400_000L;
        long from = END - 14 * day - 3_600_000L; // an hour before the horizon, periods of two hours
        FakeCatalog c = new FakeCatalog();
        c.put("Edge", "Hits", Map.of(), from, 1800, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        var results = ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("q").period(7200)
                        .expression("SELECT SUM(Hits) FROM Edge").build()),
                new LinkedHashMap<>(), from, END, extensions(c));
        Series q = results.get("q").get(0).series();
        assertThat(q.timestamps()).containsExactly(from, from + 7_200_000L);
        assertThat(q.values()).containsExactly(2.0, 2.0);
    }

    // --- helpers ---

    static Map<String, List<ExpressionQueries.Result>> run(FakeCatalog c, String query) {
        return ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("q").period(60).expression(query).build()),
                new LinkedHashMap<>(), T0, END, extensions(c));
    }

    static ExpressionQueries.Extensions extensions(FakeCatalog c) {
        return new ExpressionQueries.Extensions(MetricMath.standard(), List.of(new InsightsLanguage(c, END)), END);
    }

    static Arguments row(String query, Object[]... series) {
        return Arguments.of(query, List.of(series));
    }

    static Object[] s(String label, Double... values) {
        Object[] out = new Object[values.length + 1];
        out[0] = label;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }

    static void assertValues(Series actual, Object[] expected) {
        List<Double> got = new ArrayList<>();
        for (int slot = 0; slot < expected.length - 1; slot++) {
            int i = actual.indexOf(T0 + slot * 60_000L);
            got.add(i < 0 ? null : actual.values()[i]);
        }
        assertThat(actual.size()).as("datapoints of %s", expected[0]).isEqualTo(got.stream().filter(v -> v != null).count());
        for (int slot = 0; slot < got.size(); slot++) {
            Double want = (Double) expected[slot + 1];
            if (want == null) assertThat(got.get(slot)).as("minute %d of %s", slot, expected[0]).isNull();
            else assertThat(got.get(slot)).as("minute %d of %s", slot, expected[0]).isNotNull().isCloseTo(want, within(1e-9));
        }
    }
}
