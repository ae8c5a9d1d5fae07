package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import dev.vigil.protocol.json.AwsJsonCodec;
import dev.vigil.protocol.query.FormParams;
import dev.vigil.protocol.query.QueryCodec;
import dev.vigil.testkit.AwsCli;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * CloudWatch's awsQuery (Debian AWS CLI 2.9) and awsJson1_0 (AWS CLI v1) through Vigil's codecs: the
 * CLI's request parses to the model object its arguments describe, and a response or error Vigil writes
 * is printed by the CLI as the same values. SDK v2 cannot send these two protocols any more.
 */
class CloudWatchCliCodecIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ServiceDescriptor CLOUDWATCH = ServiceDescriptor.builder("monitoring")
            .protocols(Protocol.AWS_QUERY, Protocol.AWS_JSON_1_0, Protocol.RPC_V2_CBOR)
            .jsonTargetPrefix("GraniteServiceVersion20100801")
            .cborServiceName("GraniteServiceVersion20100801")
            .xmlNamespace("http://monitoring.amazonaws.com/doc/2010-08-01/")
            .apiVersion("2010-08-01")
            .errorNamespace("com.amazonaws.cloudwatch")
            .queryCompatible()
            .error("InvalidParameterValueException", 400, "InvalidParameterValue")
            .operation(op("PutMetricData", PutMetricDataRequest.class, PutMetricDataResponse.class))
            .operation(op("GetMetricStatistics", GetMetricStatisticsRequest.class, GetMetricStatisticsResponse.class))
            .operation(op("ListMetrics", ListMetricsRequest.class, ListMetricsResponse.class))
            .build();

    HttpServer server;
    final AtomicReference<SdkPojo> parsed = new AtomicReference<>();
    final AtomicReference<Supplier<SdkPojo>> answer = new AtomicReference<>();
    final AtomicReference<AwsException> error = new AtomicReference<>();

    static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor<I, O> op(String name, Class<I> in, Class<O> out) {
        return OperationDescriptor.builder(name, in, out)
                .handler((ctx, r) -> { throw new IllegalStateException("codec test"); })
                .iamAction("cloudwatch:" + name).build();
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            byte[] body = ex.getRequestBody().readAllBytes();
            WireRequest req = new WireRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), headers, body, "127.0.0.1");
            ProtocolCodec codec;
            String operation;
            if (req.header("x-amz-target") != null) {
                codec = new AwsJsonCodec(Protocol.AWS_JSON_1_0);
                operation = req.header("x-amz-target").substring("GraniteServiceVersion20100801.".length());
            } else {
                codec = new QueryCodec();
                operation = FormParams.of(req).get("Action");
            }
            OperationDescriptor<?, ?> op = CLOUDWATCH.operation(operation);
            WireResponse resp;
            parsed.set(codec.readRequest(req, CLOUDWATCH, op));
            if (error.get() != null) {
                resp = codec.writeError(error.get(), CLOUDWATCH, "req-1");
            } else {
                resp = codec.writeResponse(answer.get().get(), CLOUDWATCH, op, "req-1");
            }
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(resp.status(), resp.body().length == 0 ? -1 : resp.body().length);
            ex.getResponseBody().write(resp.body());
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    private static AwsCli cli(String which) { return which.equals("query") ? Clis.debian() : Clis.v1(); }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void putMetricDataWithEveryKindOfDatum(String protocol) {
        answer.set(() -> PutMetricDataResponse.builder().build());
        String data = "[{\"MetricName\":\"Latency\",\"Dimensions\":[{\"Name\":\"Service\",\"Value\":\"a b&c=d\"},"
                + "{\"Name\":\"Az\",\"Value\":\"us-east-1a\"}],\"Timestamp\":\"2026-11-30T01:02:03.456Z\","
                + "\"Value\":12.5,\"Unit\":\"Milliseconds\",\"StorageResolution\":1},"
                + "{\"MetricName\":\"Sizes\",\"Values\":[1,2.5,1e10],\"Counts\":[3,1,2],\"Unit\":\"Bytes\"},"
                + "{\"MetricName\":\"Stats\",\"StatisticValues\":{\"SampleCount\":4,\"Sum\":10,\"Minimum\":1,\"Maximum\":4}}]";
        AwsCli.Result r = cli(protocol).run(endpoint(), "cloudwatch", "put-metric-data", "--namespace", "Vigil/Test",
                "--metric-data", data);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        PutMetricDataRequest expected = PutMetricDataRequest.builder().namespace("Vigil/Test").metricData(
                MetricDatum.builder().metricName("Latency")
                        .dimensions(Dimension.builder().name("Service").value("a b&c=d").build(),
                                Dimension.builder().name("Az").value("us-east-1a").build())
                        // botocore's JSON serializer sends whole epoch seconds; awsQuery carries milliseconds
                        .timestamp(Instant.parse(protocol.equals("json") ? "2026-11-30T01:02:03Z" : "2026-11-30T01:02:03.456Z"))
                        .value(12.5).unit("Milliseconds")
                        .storageResolution(1).build(),
                MetricDatum.builder().metricName("Sizes").values(1.0, 2.5, 1e10).counts(3.0, 1.0, 2.0).unit("Bytes").build(),
                MetricDatum.builder().metricName("Stats").statisticValues(StatisticSet.builder()
                        .sampleCount(4.0).sum(10.0).minimum(1.0).maximum(4.0).build()).build()).build();
        assertThat(parsed.get()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void getMetricStatisticsRequestAndDatapoints(String protocol) throws Exception {
        answer.set(() -> GetMetricStatisticsResponse.builder().label("Latency").datapoints(
                Datapoint.builder().timestamp(Instant.parse("2026-11-30T00:00:00Z")).average(1.5).maximum(3.0)
                        .sampleCount(2.0).unit("Milliseconds").extendedStatistics(Map.of("p99", 2.75)).build(),
                Datapoint.builder().timestamp(Instant.parse("2026-11-30T00:01:00.250Z")).average(0.125)
                        .sampleCount(8.0).unit("Milliseconds").build()).build());
        AwsCli.Result r = cli(protocol).run(endpoint(), "cloudwatch", "get-metric-statistics", "--namespace", "Vigil/Test",
                "--metric-name", "Latency", "--dimensions", "Name=Service,Value=api",
                "--start-time", "2026-11-30T00:00:00Z", "--end-time", "2026-11-30T01:00:00Z", "--period", "60",
                "--statistics", "Average", "Maximum", "SampleCount", "--extended-statistics", "p99");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        GetMetricStatisticsRequest req = (GetMetricStatisticsRequest) parsed.get();
        assertThat(req.namespace()).isEqualTo("Vigil/Test");
        assertThat(req.dimensions()).containsExactly(Dimension.builder().name("Service").value("api").build());
        assertThat(req.startTime()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(req.period()).isEqualTo(60);
        assertThat(req.statisticsAsStrings()).containsExactly("Average", "Maximum", "SampleCount");
        assertThat(req.extendedStatistics()).containsExactly("p99");

        JsonNode out = JSON.readTree(r.stdout());
        assertThat(out.path("Label").asText()).isEqualTo("Latency");
        JsonNode points = out.path("Datapoints");
        assertThat(points.size()).isEqualTo(2);
        assertThat(points.get(0).path("Average").asDouble()).isEqualTo(1.5);
        assertThat(points.get(0).path("ExtendedStatistics").path("p99").asDouble()).isEqualTo(2.75);
        assertThat(points.get(1).path("Average").asDouble()).isEqualTo(0.125);
        assertThat(instant(points.get(1).path("Timestamp"))).isEqualTo(Instant.parse("2026-11-30T00:01:00.250Z"));
        assertThat(instant(points.get(0).path("Timestamp"))).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    /** AWS CLI v1 prints timestamps as received (epoch seconds for JSON); CLI v2 prints ISO 8601. */
    private static Instant instant(JsonNode n) {
        if (n.isNumber()) return Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000));
        return java.time.OffsetDateTime.parse(n.asText()).toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void listMetricsPagesAndFilters(String protocol) throws Exception {
        answer.set(() -> ListMetricsResponse.builder().metrics(Metric.builder().namespace("Vigil/Test")
                .metricName("Latency").dimensions(Dimension.builder().name("Service").value("api").build()).build())
                .owningAccounts("111122223333").build());
        AwsCli.Result r = cli(protocol).run(endpoint(), "cloudwatch", "list-metrics", "--namespace", "Vigil/Test",
                "--dimensions", "Name=Service", "--recently-active", "PT3H");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        ListMetricsRequest req = (ListMetricsRequest) parsed.get();
        assertThat(req.dimensions().get(0).name()).isEqualTo("Service");
        assertThat(req.dimensions().get(0).value()).isNull();
        assertThat(req.recentlyActiveAsString()).isEqualTo("PT3H");
        JsonNode m = JSON.readTree(r.stdout()).path("Metrics").get(0);
        assertThat(m.path("MetricName").asText()).isEqualTo("Latency");
        assertThat(m.path("Dimensions").get(0).path("Value").asText()).isEqualTo("api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void modeledErrorReachesTheCliWithAwsCode(String protocol) {
        error.set(new AwsException("InvalidParameterValueException", 400,
                "The value NaN for parameter MetricData.member.1.Value is invalid."));
        AwsCli.Result r = cli(protocol).run(endpoint(), "cloudwatch", "put-metric-data", "--namespace", "Vigil/Test",
                "--metric-name", "X", "--value", "1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("(InvalidParameterValue)")
                .contains("The value NaN for parameter MetricData.member.1.Value is invalid.");
    }
}
