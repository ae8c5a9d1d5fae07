package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * GetMetricData beyond MetricStat through the SDK v2 client: a Metrics Insights query with WHERE, GROUP BY,
 * ORDER BY and LIMIT, SEARCH expressions (alone and inside metric math), and dynamic labels, over metrics put
 * with several dimensions.
 */
class CloudWatchInsightsIT {
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(30));
    static final String NS = "Insights/" + UUID.randomUUID();
    static VigilTestServer vigil;
    static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        cw = vigil.client(CloudWatchClient.builder());
        List<MetricDatum> data = new ArrayList<>();
        requests(data, "api", "h1", 10, 20, 30);
        requests(data, "api", "h2", 5, 5, 5);
        requests(data, "web", "h1", 100, 100, 100);
        requests(data, "db", "h1", 1, 1, 1);
        requests(data, "db", "h2", 2, 2, 2);
        data.add(MetricDatum.builder().metricName("Requests").dimensions(dim("Service", "api")).timestamp(T0)
                .value(1000.0).build());
        cw.putMetricData(b -> b.namespace(NS).metricData(data));
    }

    static void requests(List<MetricDatum> out, String service, String host, double... perMinute) {
        for (int i = 0; i < perMinute.length; i++) {
            out.add(MetricDatum.builder().metricName("Requests").dimensions(dim("Service", service), dim("Host", host))
                    .timestamp(T0.plusSeconds(60L * i)).value(perMinute[i]).unit("Count").build());
        }
    }

    static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    @AfterAll
    static void stop() {
        cw.close();
        vigil.close();
    }

    static GetMetricDataResponse query(MetricDataQuery... queries) {
        return cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(180)).scanBy("TimestampAscending")
                .metricDataQueries(queries));
    }

    @Test
    void metricsInsightsGroupsOrdersAndLimits() {
        String sql = "SELECT SUM(Requests) FROM SCHEMA(\"" + NS + "\", Service, Host) WHERE Host != 'h3'"
                + " GROUP BY Service ORDER BY SUM() DESC LIMIT 2";
        GetMetricDataResponse r = query(MetricDataQuery.builder().id("q1").period(60).expression(sql)
                .label("${PROP('Dim.Service')} peak ${MAX}").build());
        assertThat(r.metricDataResults()).extracting(MetricDataResult::label).containsExactly("web peak 100", "api peak 35");
        assertThat(r.metricDataResults().get(0).values()).containsExactly(100.0, 100.0, 100.0);
        assertThat(r.metricDataResults().get(1).values()).containsExactly(15.0, 25.0, 35.0);
        assertThat(r.metricDataResults().get(1).timestamps())
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));

        // FROM the namespace (any dimensions) without GROUP BY: one series, labelled with the query's Id.
        GetMetricDataResponse all = query(MetricDataQuery.builder().id("q2").period(180)
                .expression("SELECT MAX(Requests) FROM \"" + NS + "\" WHERE Service LIKE 'a%'").build());
        assertThat(all.metricDataResults()).extracting(MetricDataResult::label).containsExactly("q2");
        assertThat(all.metricDataResults().get(0).values()).containsExactly(1000.0);
    }

    @Test
    void searchFindsMetricsAndFeedsMetricMath() {
        String search = "SEARCH('{\"" + NS + "\",Service,Host} MetricName=\"Requests\" Service=api', 'Sum', 60)";
        GetMetricDataResponse r = query(
                MetricDataQuery.builder().id("s1").expression(search).build(),
                MetricDataQuery.builder().id("total").expression("SUM(s1)").label("All api hosts").build());
        assertThat(r.metricDataResults()).extracting(MetricDataResult::label)
                .containsExactly("h1 api Requests", "h2 api Requests", "All api hosts");
        assertThat(r.metricDataResults().get(0).values()).containsExactly(10.0, 20.0, 30.0);
        assertThat(r.metricDataResults().get(2).values()).containsExactly(15.0, 25.0, 35.0);
    }

    @Test
    void dynamicLabelsOnMetricStat() {
        MetricDataQuery m = MetricDataQuery.builder().id("m1").label("${PROP('Dim.Host')} ${PROP('Stat')}/${PROP('Period')}"
                        + " first=${FIRST} last=${LAST} avg=${AVG}")
                .metricStat(MetricStat.builder().stat("Sum").period(60).metric(Metric.builder().namespace(NS)
                        .metricName("Requests").dimensions(dim("Service", "api"), dim("Host", "h1")).build()).build())
                .build();
        assertThat(query(m).metricDataResults().get(0).label()).isEqualTo("h1 Sum/60 first=10 last=30 avg=20");
    }

    @Test
    void theReadmeQueriesWorkThroughBothClis() throws Exception {
        // The README's example: Insights with a dynamic label, a SEARCH that is not returned, math over it.
        String queries = "[{\"Id\": \"top\", \"Period\": 60, \"Label\": \"${PROP('Dim.Service')} (max ${MAX})\","
                + " \"Expression\": \"SELECT AVG(Requests) FROM SCHEMA(\\\"" + NS + "\\\", Service, Host)"
                + " WHERE Service != 'db' GROUP BY Service ORDER BY MAX() DESC LIMIT 10\"},"
                + " {\"Id\": \"all\", \"Period\": 60, \"ReturnData\": false, \"Expression\":"
                + " \"SEARCH('{\\\"" + NS + "\\\",Service,Host} MetricName=\\\"Requests\\\"', 'Average', 60)\"},"
                + " {\"Id\": \"fleet\", \"Expression\": \"AVG(all)\", \"Label\": \"fleet average\"}]";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("queries", ".json");
        java.nio.file.Files.writeString(file, queries);
        for (dev.vigil.testkit.AwsCli cli : List.of(Clis.v1(), Clis.debian())) {
            dev.vigil.testkit.AwsCli.Result r = cli.run(vigil.endpoint(), "cloudwatch", "get-metric-data",
                    "--metric-data-queries", "file://" + file, "--scan-by", "TimestampAscending",
                    "--start-time", T0.toString(), "--end-time", T0.plusSeconds(180).toString());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            com.fasterxml.jackson.databind.JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(r.stdout()).path("MetricDataResults");
            List<String> labels = new ArrayList<>();
            results.forEach(n -> labels.add(n.path("Label").asText()));
            assertThat(labels).containsExactly("web (max 100)", "api (max 17.5)", "fleet average");
            List<Double> fleet = new ArrayList<>();
            results.get(2).path("Values").forEach(v -> fleet.add(v.doubleValue()));
            assertThat(fleet).containsExactly(23.6, 25.6, 27.6);
        }
    }

    @Test
    void badQueriesAreValidationErrors() {
        assertThatThrownBy(() -> query(MetricDataQuery.builder().id("q1").period(60)
                        .expression("SELECT SUM(Requests) FROM SCHEMA(\"" + NS + "\") LIMIT 1000").build()))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("LIMIT");
                });
        assertThatThrownBy(() -> query(MetricDataQuery.builder().id("s1")
                        .expression("SEARCH('{" + NS + "} Requests', 'Median', 60)").build()))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'Median' is not valid"));
    }
}
