package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * CloudWatch metrics through the three real clients: SDK v2 (rpcv2Cbor), the AWS CLI v1 (awsJson1_0) and the
 * Debian AWS CLI 2.9 (awsQuery). Issue 5's first done-when: the same datapoints written by each client read
 * back with identical statistics through each of them.
 */
class CloudWatchMetricsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        cw = vigil.client(CloudWatchClient.builder());
    }

    @AfterAll
    static void stop() {
        cw.close();
        vigil.close();
    }

    /** Minute-aligned, half an hour ago: whole seconds survive every protocol (CLI v1 sends epoch seconds). */
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(30));

    /** The datapoints every client publishes (as CLI --metric-data JSON and as SDK datums). */
    static String metricDataJson(String client) {
        String dims = "[{\"Name\":\"Service\",\"Value\":\"api\"},{\"Name\":\"Client\",\"Value\":\"" + client + "\"}]";
        return "[{\"MetricName\":\"Latency\",\"Dimensions\":" + dims + ",\"Timestamp\":\"" + T0 + "\","
                + "\"Value\":12.5,\"Unit\":\"Milliseconds\"},"
                + "{\"MetricName\":\"Latency\",\"Dimensions\":" + dims + ",\"Timestamp\":\"" + T0.plusSeconds(20) + "\","
                + "\"Values\":[1,2.5,1000],\"Counts\":[3,1,2],\"Unit\":\"Milliseconds\"},"
                + "{\"MetricName\":\"Latency\",\"Dimensions\":" + dims + ",\"Timestamp\":\"" + T0.plusSeconds(60) + "\","
                + "\"StatisticValues\":{\"SampleCount\":4,\"Sum\":10,\"Minimum\":1,\"Maximum\":4},\"Unit\":\"Milliseconds\"},"
                + "{\"MetricName\":\"Latency\",\"Dimensions\":" + dims + ",\"Timestamp\":\"" + T0.plusSeconds(125) + "\","
                + "\"Values\":[0.25,7],\"Unit\":\"Milliseconds\",\"StorageResolution\":1}]";
    }

    static List<MetricDatum> sdkData(String client) {
        List<Dimension> dims = List.of(dim("Service", "api"), dim("Client", client));
        return List.of(
                MetricDatum.builder().metricName("Latency").dimensions(dims).timestamp(T0).value(12.5).unit("Milliseconds").build(),
                MetricDatum.builder().metricName("Latency").dimensions(dims).timestamp(T0.plusSeconds(20))
                        .values(1.0, 2.5, 1000.0).counts(3.0, 1.0, 2.0).unit("Milliseconds").build(),
                MetricDatum.builder().metricName("Latency").dimensions(dims).timestamp(T0.plusSeconds(60))
                        .statisticValues(StatisticSet.builder().sampleCount(4.0).sum(10.0).minimum(1.0).maximum(4.0).build())
                        .unit("Milliseconds").build(),
                MetricDatum.builder().metricName("Latency").dimensions(dims).timestamp(T0.plusSeconds(125))
                        .values(0.25, 7.0).unit("Milliseconds").storageResolution(1).build());
    }

    static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** One datapoint in a client-independent form: timestamp, then each statistic present. */
    record Row(Instant timestamp, Map<String, Double> values, String unit) {}

    @Test
    void datapointsWrittenByEachClientReadBackIdenticallyThroughEachClient() throws Exception {
        String ns = "Vigil/IT-" + UUID.randomUUID();
        AwsCli v1 = Clis.v1();
        AwsCli debian = Clis.debian();
        cw.putMetricData(PutMetricDataRequest.builder().namespace(ns).metricData(sdkData("sdk")).build());
        ok(v1.run(vigil.endpoint(), "cloudwatch", "put-metric-data", "--namespace", ns, "--metric-data", metricDataJson("v1")));
        ok(debian.run(vigil.endpoint(), "cloudwatch", "put-metric-data", "--namespace", ns, "--metric-data", metricDataJson("debian")));

        List<List<Row>> basic = new ArrayList<>();
        List<List<Row>> percentiles = new ArrayList<>();
        for (String writer : List.of("sdk", "v1", "debian")) {
            basic.add(sdkStats(ns, writer, 60, List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum"), List.of()));
            percentiles.add(sdkStats(ns, writer, 60, List.of(), List.of("p50", "p90", "tm90", "IQM")));
            for (AwsCli cli : List.of(v1, debian)) {
                basic.add(cliStats(cli, ns, writer, 60, "--statistics", "SampleCount", "Average", "Sum", "Minimum", "Maximum"));
                percentiles.add(cliStats(cli, ns, writer, 60, "--extended-statistics", "p50", "p90", "tm90", "IQM"));
            }
        }
        List<Row> expected = List.of(
                new Row(T0, stats(7, (12.5 + 3 + 2.5 + 2000) / 7, 12.5 + 3 + 2.5 + 2000, 1, 1000), "Milliseconds"),
                new Row(T0.plusSeconds(60), stats(4, 2.5, 10, 1, 4), "Milliseconds"),
                new Row(T0.plusSeconds(120), stats(2, 3.625, 7.25, 0.25, 7), "Milliseconds"));
        for (List<Row> rows : basic) assertThat(rows).isEqualTo(expected);
        for (List<Row> rows : percentiles) assertThat(rows).isEqualTo(percentiles.get(0));
        // Percentiles of the raw values (1, 1, 1, 2.5, 12.5, 1000, 1000 in the first minute): p90 is the 7th
        // (nearest rank 6.3), so tm90 keeps everything up to 1000; IQM keeps (p25, p75] = (1, 1000]. The statistic
        // set of the second minute has Minimum < Maximum, so AWS (and Vigil) cannot give its percentiles.
        assertThat(percentiles.get(0).get(0).values()).isEqualTo(Map.of("p50", 2.5, "p90", 1000.0,
                "tm90", (3 + 2.5 + 12.5 + 2000) / 7.0, "IQM", (2.5 + 12.5 + 2000) / 4.0));
        assertThat(percentiles.get(0)).extracting(Row::timestamp).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(percentiles.get(0).get(1).values()).isEmpty();
        assertThat(percentiles.get(0).get(2).values()).isEqualTo(Map.of("p50", 0.25, "p90", 7.0, "tm90", 3.625, "IQM", 7.0));
    }

    static Map<String, Double> stats(double count, double avg, double sum, double min, double max) {
        return Map.of("SampleCount", count, "Average", avg, "Sum", sum, "Minimum", min, "Maximum", max);
    }

    static List<Row> sdkStats(String ns, String client, int period, List<String> basic, List<String> extended) {
        GetMetricStatisticsRequest.Builder r = GetMetricStatisticsRequest.builder().namespace(ns).metricName("Latency")
                .dimensions(dim("Client", client), dim("Service", "api")).startTime(T0).endTime(T0.plusSeconds(300)).period(period);
        if (!basic.isEmpty()) r.statisticsWithStrings(basic);
        if (!extended.isEmpty()) r.extendedStatistics(extended);
        List<Row> rows = new ArrayList<>();
        for (Datapoint d : cw.getMetricStatistics(r.build()).datapoints()) {
            Map<String, Double> v = new TreeMap<>();
            if (d.sampleCount() != null) v.put("SampleCount", d.sampleCount());
            if (d.average() != null) v.put("Average", d.average());
            if (d.sum() != null) v.put("Sum", d.sum());
            if (d.minimum() != null) v.put("Minimum", d.minimum());
            if (d.maximum() != null) v.put("Maximum", d.maximum());
            if (d.hasExtendedStatistics()) v.putAll(d.extendedStatistics());
            rows.add(new Row(d.timestamp(), v, d.unitAsString()));
        }
        rows.sort(Comparator.comparing(Row::timestamp));
        return rows;
    }

    static List<Row> cliStats(AwsCli cli, String ns, String client, int period, String... statistics) throws Exception {
        List<String> args = new ArrayList<>(List.of("cloudwatch", "get-metric-statistics", "--namespace", ns,
                "--metric-name", "Latency", "--dimensions", "Name=Service,Value=api", "Name=Client,Value=" + client,
                "--start-time", T0.toString(), "--end-time", T0.plusSeconds(300).toString(), "--period", Integer.toString(period)));
        args.addAll(List.of(statistics));
        AwsCli.Result r = ok(cli.run(vigil.endpoint(), args.toArray(String[]::new)));
        JsonNode out = JSON.readTree(r.stdout());
        assertThat(out.path("Label").asText()).isEqualTo("Latency");
        List<Row> rows = new ArrayList<>();
        for (JsonNode d : out.path("Datapoints")) {
            Map<String, Double> v = new TreeMap<>();
            for (String s : List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum")) {
                if (d.has(s)) v.put(s, d.get(s).doubleValue());
            }
            d.path("ExtendedStatistics").fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().doubleValue()));
            rows.add(new Row(instant(d.path("Timestamp")), v, d.path("Unit").asText()));
        }
        rows.sort(Comparator.comparing(Row::timestamp));
        return rows;
    }

    /** AWS CLI v1 prints timestamps as received (epoch seconds for JSON); CLI v2 prints ISO 8601. */
    static Instant instant(JsonNode n) {
        if (n.isNumber()) return Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000));
        return OffsetDateTime.parse(n.asText()).toInstant();
    }

    static AwsCli.Result ok(AwsCli.Result r) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r;
    }

    @Test
    void aFullBatchArrivesGzippedAndWhole() {
        // SDK v2 gzips PutMetricData bodies over 10 KB (the model's requestCompression trait).
        String ns = "Vigil/IT-batch-" + UUID.randomUUID();
        List<MetricDatum> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(MetricDatum.builder().metricName("Items").dimensions(dim("Shard", Integer.toString(i % 10)))
                    .timestamp(T0.plusSeconds(i % 60)).values((double) i, i + 0.5).counts(1.0, 2.0).unit("Count").build());
        }
        cw.putMetricData(r -> r.namespace(ns).metricData(batch));
        assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).hasSize(10);
        Datapoint d = cw.getMetricStatistics(r -> r.namespace(ns).metricName("Items").dimensions(dim("Shard", "3"))
                .startTime(T0).endTime(T0.plusSeconds(60)).period(60).statisticsWithStrings("SampleCount", "Maximum"))
                .datapoints().get(0);
        assertThat(d.sampleCount()).isEqualTo(300.0);
        assertThat(d.maximum()).isEqualTo(993.5);
    }

    // --- rejections, with AWS's codes and messages ---

    static void rejected(Consumer<PutMetricDataRequest.Builder> request, int status, String code, String message) {
        PutMetricDataRequest.Builder b = PutMetricDataRequest.builder().namespace("Vigil/IT-errors");
        request.accept(b);
        assertThatThrownBy(() -> cw.putMetricData(b.build())).isInstanceOfSatisfying(CloudWatchException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    static MetricDatum.Builder datum() {
        return MetricDatum.builder().metricName("Bad");
    }

    @Test
    void putMetricDataRejectionsThroughTheSdk() {
        String p = "MetricData.member.1";
        rejected(b -> b.metricData(datum().value(Double.NaN).build()), 400, "InvalidParameterValue",
                "The value NaN for parameter " + p + ".Value is invalid.");
        rejected(b -> b.metricData(datum().value(Double.POSITIVE_INFINITY).build()), 400, "InvalidParameterValue",
                "The value Infinity for parameter " + p + ".Value is invalid.");
        rejected(b -> b.metricData(datum().value(1.0).statisticValues(StatisticSet.builder().sampleCount(1.0).sum(1.0)
                        .minimum(1.0).maximum(1.0).build()).build()), 400, "InvalidParameterCombination",
                "The parameters " + p + ".Value and " + p + ".StatisticValues are mutually exclusive and you have specified both.");
        rejected(b -> b.metricData(datum().build()), 400, "InvalidParameterCombination",
                "At least one of the parameters " + p + ".Value, " + p + ".Values, " + p + ".StatisticValues must be specified.");
        rejected(b -> b.metricData(datum().values(1.0, 2.0).counts(1.0).build()), 400, "InvalidParameterValue",
                "The parameters " + p + ".Values and " + p + ".Counts must be of the same size.");
        rejected(b -> b.metricData(Collections.nCopies(1001, datum().value(1.0).build())), 400, "InvalidParameterValue",
                "The collection MetricData must not have a size greater than 1000.");
        rejected(b -> b.metricData(datum().value(1.0).timestamp(Instant.now().plus(Duration.ofHours(3))).build()), 400,
                "InvalidParameterValue", "The parameter " + p + ".Timestamp must specify a time no more than two hours in the future.");
        rejected(b -> b.metricData(datum().value(1.0).timestamp(Instant.now().minus(Duration.ofDays(15))).build()), 400,
                "InvalidParameterValue", "The parameter " + p + ".Timestamp must specify a time within the past two weeks.");
        rejected(b -> b.metricData(datum().value(1.0).storageResolution(30).build()), 400, "InvalidParameterValue",
                "The parameter " + p + ".StorageResolution must be a value in the set [ 1, 60 ].");
        rejected(b -> b.namespace("AWS/EC2").metricData(datum().value(1.0).build()), 400, "InvalidParameterValue",
                "The value AWS/ for parameter Namespace is invalid.");
        rejected(b -> b.metricData(datum().statisticValues(StatisticSet.builder().sampleCount(1.0).minimum(1.0)
                .maximum(1.0).build()).build()), 400, "MissingParameter", "The parameter " + p + ".StatisticValues.Sum is required.");
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < 31; i++) dims.add(dim("d" + i, "v"));
        assertThatThrownBy(() -> cw.putMetricData(PutMetricDataRequest.builder().namespace("Vigil/IT-errors")
                .metricData(datum().value(1.0).dimensions(dims).build()).build()))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value '")
                            .endsWith("at 'metricData.1.member.dimensions' failed to satisfy constraint: Member must have"
                                    + " length less than or equal to 30");
                });
    }

    @Test
    void cliSeesTheSameErrorCodes() {
        for (AwsCli cli : List.of(Clis.v1(), Clis.debian())) {
            AwsCli.Result r = cli.run(vigil.endpoint(), "cloudwatch", "put-metric-data", "--namespace", "Vigil/IT-errors",
                    "--metric-data", "[{\"MetricName\":\"Bad\",\"Value\":1,\"StorageResolution\":5}]");
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr()).contains("(InvalidParameterValue)")
                    .contains("The parameter MetricData.member.1.StorageResolution must be a value in the set [ 1, 60 ].");
        }
    }

    // --- ListMetrics and GetMetricData ---

    @Test
    void listMetricsFiltersThroughSdkAndCli() throws Exception {
        String ns = "Vigil/IT-list-" + UUID.randomUUID();
        Instant now = Instant.now();
        cw.putMetricData(PutMetricDataRequest.builder().namespace(ns).metricData(
                MetricDatum.builder().metricName("CPUUtilization").value(15.0).timestamp(now).build(),
                MetricDatum.builder().metricName("MemoryUtilization").value(30.0).timestamp(now).dimensions(dim("InstanceId", "one")).build(),
                MetricDatum.builder().metricName("DiskReadOps").value(15.0).timestamp(now).dimensions(dim("InstanceId", "two")).build(),
                MetricDatum.builder().metricName("DiskReadOps").value(16.0).timestamp(now).dimensions(dim("InstanceId", "two")).build())
                .build());
        assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).hasSize(3);
        assertThat(cw.listMetrics(r -> r.namespace(ns).dimensions(DimensionFilter.builder().name("InstanceId").build())).metrics())
                .extracting(Metric::metricName).containsExactlyInAnyOrder("MemoryUtilization", "DiskReadOps");
        assertThat(cw.listMetrics(r -> r.namespace(ns).recentlyActive("PT3H")
                .dimensions(DimensionFilter.builder().name("InstanceId").value("two").build())).metrics())
                .containsExactly(Metric.builder().namespace(ns).metricName("DiskReadOps").dimensions(dim("InstanceId", "two")).build());

        for (AwsCli cli : List.of(Clis.v1(), Clis.debian())) {
            JsonNode out = JSON.readTree(ok(cli.run(vigil.endpoint(), "cloudwatch", "list-metrics", "--namespace", ns,
                    "--dimensions", "Name=InstanceId,Value=one")).stdout());
            assertThat(out.path("Metrics").size()).isEqualTo(1);
            assertThat(out.path("Metrics").get(0).path("MetricName").asText()).isEqualTo("MemoryUtilization");
            assertThat(out.path("Metrics").get(0).path("Dimensions").get(0).path("Value").asText()).isEqualTo("one");
        }
    }

    @Test
    void getMetricDataThroughSdkAndCli() throws Exception {
        String ns = "Vigil/IT-gmd-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            int n = i;
            cw.putMetricData(r -> r.namespace(ns).metricData(MetricDatum.builder().metricName("Requests")
                    .timestamp(T0.plusSeconds(60L * n)).value(n + 1.0).unit("Count").build()));
        }
        MetricDataQuery sum = MetricDataQuery.builder().id("sum").metricStat(s -> s.stat("Sum").period(60)
                .metric(m -> m.namespace(ns).metricName("Requests"))).build();
        MetricDataQuery p90 = MetricDataQuery.builder().id("p90").metricStat(s -> s.stat("p90").period(300)
                .metric(m -> m.namespace(ns).metricName("Requests"))).build();
        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(300))
                .metricDataQueries(sum, p90).scanBy("TimestampAscending"));
        assertThat(r.metricDataResults().get(0).label()).isEqualTo("Requests Sum 60");
        assertThat(r.metricDataResults().get(0).values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(r.metricDataResults().get(0).timestamps().get(0)).isEqualTo(T0);
        assertThat(r.metricDataResults().get(1).label()).isEqualTo("Requests p90 300");
        assertThat(r.metricDataResults().get(1).values()).containsExactly(5.0);
        assertThat(r.metricDataResults().get(1).statusCodeAsString()).isEqualTo("Complete");

        String queries = "[{\"Id\":\"sum\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"" + ns + "\",\"MetricName\":\"Requests\"},"
                + "\"Period\":60,\"Stat\":\"Sum\"}}]";
        for (AwsCli cli : List.of(Clis.v1(), Clis.debian())) {
            JsonNode out = JSON.readTree(ok(cli.run(vigil.endpoint(), "cloudwatch", "get-metric-data", "--metric-data-queries",
                    queries, "--start-time", T0.toString(), "--end-time", T0.plusSeconds(300).toString())).stdout());
            JsonNode result = out.path("MetricDataResults").get(0);
            assertThat(result.path("Label").asText()).isEqualTo("Requests");
            assertThat(result.path("StatusCode").asText()).isEqualTo("Complete");
            List<Double> values = new ArrayList<>();
            result.path("Values").forEach(v -> values.add(v.doubleValue()));
            assertThat(values).containsExactly(5.0, 4.0, 3.0, 2.0, 1.0);
            assertThat(instant(result.path("Timestamps").get(0))).isEqualTo(T0.plusSeconds(240));
        }
        assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(300))
                .metricDataQueries(MetricDataQuery.builder().id("e").expression("SELECT SUM(Requests) FROM").build())))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("Metrics Insights query syntax error");
                });
    }

    @Test
    void operationsOutsideThisSliceAreUnknown() {
        assertThatThrownBy(() -> cw.describeInsightRules(r -> { })).isInstanceOf(CloudWatchException.class);
    }
}
