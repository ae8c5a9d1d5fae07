package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** Metric math through SDK v2 (rpcv2Cbor): expressions over MetricStat queries hidden with ReturnData=false. */
class CloudWatchMathIT {
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

    @Test
    void errorRateFromHiddenMetrics() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(30));
        String ns = "Vigil/IT-math-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            int n = i;
            cw.putMetricData(r -> r.namespace(ns).metricData(
                    d -> d.metricName("Errors").timestamp(t0.plusSeconds(60L * n)).value(n * 1.0),
                    d -> d.metricName("Requests").timestamp(t0.plusSeconds(60L * n)).value(10.0)));
        }
        MetricDataQuery errors = MetricDataQuery.builder().id("errors").returnData(false).metricStat(s -> s.stat("Sum")
                .period(60).metric(m -> m.namespace(ns).metricName("Errors"))).build();
        MetricDataQuery requests = MetricDataQuery.builder().id("requests").returnData(false).metricStat(s -> s
                .stat("Sum").period(60).metric(m -> m.namespace(ns).metricName("Requests"))).build();
        // "rate" is listed before the expression it uses: evaluation follows the references, not the order.
        MetricDataQuery pct = MetricDataQuery.builder().id("pct").expression("rate * 100").label("Error %").build();
        MetricDataQuery rate = MetricDataQuery.builder().id("rate").expression("errors / requests").build();
        MetricDataQuery all = MetricDataQuery.builder().id("all").expression("FILL(METRICS(), 0)").build();

        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(300))
                .scanBy("TimestampAscending").metricDataQueries(errors, requests, pct, rate, all));

        assertThat(r.metricDataResults()).extracting(MetricDataResult::id).containsExactly("pct", "rate", "all", "all");
        MetricDataResult p = r.metricDataResults().get(0);
        assertThat(p.label()).isEqualTo("Error %");
        assertThat(p.values()).containsExactly(0.0, 10.0, 20.0, 30.0);
        assertThat(p.timestamps().get(0)).isEqualTo(t0);
        assertThat(p.statusCodeAsString()).isEqualTo("Complete");
        assertThat(r.metricDataResults().get(1).label()).isEqualTo("rate");
        assertThat(r.metricDataResults().get(2).values()).containsExactly(0.0, 1.0, 2.0, 3.0, 0.0);

        assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(300))
                .metricDataQueries(errors, MetricDataQuery.builder().id("e1").expression("errors +* 2").build())))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Error in expression e1:");
                });
    }
}
