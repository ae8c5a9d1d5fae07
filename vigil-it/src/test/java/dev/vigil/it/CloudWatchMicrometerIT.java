package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.VigilTestServer;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** Micrometer's CloudWatch registry (SDK v2 async client, rpcv2Cbor) publishes into Vigil unmodified. */
class CloudWatchMicrometerIT {
    static final String NAMESPACE = "VigilMicrometer";


    @Test
    void counterAndTimerArriveAndGetMetricDataReturnsThem() throws Exception {
        try (VigilTestServer vigil = VigilTestServer.start();
             CloudWatchAsyncClient async = CloudWatchAsyncClient.builder().endpointOverride(vigil.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build();
             CloudWatchClient cw = vigil.client(CloudWatchClient.builder())) {
            CloudWatchConfig config = new CloudWatchConfig() {
                @Override public String get(String key) { return null; }
                @Override public String namespace() { return NAMESPACE; }
                @Override public Duration step() { return Duration.ofSeconds(1); }
            };
            CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, Clock.SYSTEM, async);
            Counter orders = registry.counter("orders.placed", "env", "it");
            Timer checkout = registry.timer("checkout.latency", "env", "it");
            orders.increment(3);
            orders.increment(2);
            checkout.record(Duration.ofMillis(120));
            checkout.record(Duration.ofMillis(80));
            // Step registries report complete steps: let this one end, then close(), which publishes
            // what is pending as an application's shutdown does.
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 100);
            registry.close();

            List<Metric> metrics = cw.listMetrics(r -> r.namespace(NAMESPACE)).metrics();
            List<String> names = metrics.stream().map(Metric::metricName).sorted().collect(Collectors.toList());
            assertThat(names).contains("orders.placed.count", "checkout.latency.count", "checkout.latency.sum", "checkout.latency.max");

            Instant end = Instant.now().plusSeconds(60);
            Instant start = end.minus(Duration.ofMinutes(10));
            GetMetricDataResponse data = cw.getMetricData(r -> r.startTime(start).endTime(end).metricDataQueries(
                    q -> q.id("orders").metricStat(s -> s.stat("Sum").period(60).metric(m -> m.namespace(NAMESPACE)
                            .metricName("orders.placed.count").dimensions(Dimension.builder().name("env").value("it").build()))),
                    q -> q.id("calls").metricStat(s -> s.stat("Sum").period(60).metric(m -> m.namespace(NAMESPACE)
                            .metricName("checkout.latency.count").dimensions(Dimension.builder().name("env").value("it").build())))));
            MetricDataResult ordersResult = data.metricDataResults().stream().filter(x -> x.id().equals("orders")).findFirst().orElseThrow();
            MetricDataResult callsResult = data.metricDataResults().stream().filter(x -> x.id().equals("calls")).findFirst().orElseThrow();
            assertThat(ordersResult.values().stream().mapToDouble(Double::doubleValue).sum()).as(names.toString()).isEqualTo(5.0);
            assertThat(callsResult.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2.0);
        }
    }
}
